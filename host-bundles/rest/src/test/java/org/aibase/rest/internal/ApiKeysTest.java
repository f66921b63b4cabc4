package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysMapToTheirRoles() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "a1", " a2 " }, new String[] { "u1" }, "generated");
        assertEquals(ApiKeys.Source.CONFIGURATION, keys.source());
        assertEquals(Optional.of(Role.ADMIN), keys.roleOf("a1"));
        assertEquals(Optional.of(Role.ADMIN), keys.roleOf("a2"), "configured values are trimmed");
        assertEquals(Optional.of(Role.USER), keys.roleOf("u1"));
        assertEquals(Optional.empty(), keys.roleOf("generated"), "configured keys replace the generated one");
        assertEquals(Optional.empty(), keys.roleOf("a1 "), "a presented key must match exactly");
        assertEquals(Optional.empty(), keys.roleOf("A1"));
        assertEquals(Optional.empty(), keys.roleOf(""));
        assertEquals(Optional.empty(), keys.roleOf(null));
    }

    @Test
    void aKeyListedTwiceHasTheHigherRole() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "same" }, new String[] { "same" }, null);
        assertEquals(Optional.of(Role.ADMIN), keys.roleOf("same"));
    }

    @Test
    void blankConfiguredKeysDoNotCount() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "", "  " }, null, "generated");
        assertEquals(ApiKeys.Source.GENERATED, keys.source());
        assertEquals(Optional.of(Role.ADMIN), keys.roleOf("generated"));
        assertEquals(Optional.empty(), keys.roleOf(""));
    }

    @Test
    void withoutAnyKeyNothingIsAccepted() {
        ApiKeys keys = ApiKeys.resolve(null, null, null);
        assertEquals(ApiKeys.Source.NONE, keys.source());
        assertEquals(Optional.empty(), keys.roleOf("anything"));
    }

    @Test
    void rolesImplyEachOther() {
        assertEquals(true, Role.ADMIN.grants(Role.USER));
        assertEquals(true, Role.ADMIN.grants(Role.ADMIN));
        assertEquals(true, Role.USER.grants(Role.USER));
        assertEquals(false, Role.USER.grants(Role.ADMIN));
    }
}
