package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

class SessionResourceTest {

    private final Gatekeeper gatekeeper = new Gatekeeper(new MutableClock());
    private final SessionResource resource = new SessionResource(gatekeeper);

    SessionResourceTest() {
        gatekeeper.apply(ApiKeys.resolve(new String[] { "admin-key" }, new String[] { "user-key" }, null),
                Duration.ofMinutes(60));
    }

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void signingInSetsAStrictHttpOnlyCookieAndReturnsTheCsrfToken() throws Exception {
        Response response = resource.signIn(null, null, json("{\"key\":\"admin-key\"}"));
        assertEquals(200, response.getStatus());
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.getEntity();
        assertEquals("admin", body.get("role"));
        String cookie = response.getHeaderString(HttpHeaders.SET_COOKIE);
        assertTrue(cookie.startsWith("aibase_session="), cookie);
        assertTrue(cookie.contains("; Path=/; HttpOnly; SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP");
        assertFalse(body.toString().contains("admin-key"), "the key is never returned");

        String sessionId = cookie.substring("aibase_session=".length(), cookie.indexOf(';'));
        AccessDecision withToken = gatekeeper.authorize("POST", "/api/v1/plugins/x/stop", null, sessionId,
                (String) body.get("csrf_token"));
        assertTrue(withToken.allowed());
    }

    @Test
    void aBearerHeaderSignsInToo() throws Exception {
        Response response = resource.signIn("Bearer user-key", null, json(""));
        assertEquals("user", ((Map<?, ?>) response.getEntity()).get("role"));
    }

    @Test
    void aWrongOrMissingKeyIs401() {
        assertEquals(401, assertThrows(ApiException.class,
                () -> resource.signIn(null, null, json("{\"key\":\"nope\"}"))).status());
        assertEquals(401, assertThrows(ApiException.class, () -> resource.signIn(null, null, json(""))).status());
        assertEquals("key", assertThrows(ApiException.class,
                () -> resource.signIn(null, null, json("{\"key\":1}"))).details().get("parameter"));
        assertThrows(JsonProcessingException.class, () -> resource.signIn(null, null, json("{key")));
    }

    @Test
    void signingOutEndsTheSessionAndClearsTheCookie() throws Exception {
        BrowserSession session = gatekeeper.signIn("admin-key").orElseThrow();
        Response response = resource.signOut(session.id(), null);
        assertEquals(204, response.getStatus());
        assertTrue(response.getHeaderString(HttpHeaders.SET_COOKIE).contains("Max-Age=0"));
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).status());
    }
}
