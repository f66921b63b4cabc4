package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class RequestForgeryGuardTest {

    @Test
    void tokensDependOnUserAndSecret() {
        RequestForgeryGuard guard = new RequestForgeryGuard(new byte[] { 1, 2, 3 });
        assertEquals(guard.token("admin"), new RequestForgeryGuard(new byte[] { 1, 2, 3 }).token("admin"));
        assertNotEquals(guard.token("admin"), guard.token("operator"));
        assertNotEquals(guard.token("admin"), new RequestForgeryGuard(new byte[] { 9 }).token("admin"));
        assertEquals(43, guard.token("admin").length(), "HMAC-SHA256, base64url without padding");
    }
}
