package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void keysMapToTheirRoles() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "a1", " a2 " }, new String[] { "u1" }, "generated");
        assertEquals(ApiKeys.Source.CONFIGURATION, keys.source());
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("a1"));
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("a2"), "configured values are trimmed");
        assertEquals(Optional.of(CallerRole.USER), keys.roleOf("u1"));
        assertEquals(Optional.empty(), keys.roleOf("generated"), "configured keys replace the generated one");
        assertEquals(Optional.empty(), keys.roleOf("a1 "), "a presented key must match exactly");
        assertEquals(Optional.empty(), keys.roleOf("A1"));
        assertEquals(Optional.empty(), keys.roleOf(""));
        assertEquals(Optional.empty(), keys.roleOf(null));
    }

    @Test
    void aValueListsKeysSeparatedByCommas() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "a1, a2,,", "a3" }, new String[] { "u1,u2" }, null);
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("a2"));
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("a3"));
        assertEquals(Optional.of(CallerRole.USER), keys.roleOf("u2"));
        assertEquals(Optional.empty(), keys.roleOf("a1, a2,,"), "the list itself is no key");
        assertEquals(3, keys.count(CallerRole.ADMIN));
    }

    @Test
    void aKeyListedTwiceHasTheHigherRole() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "same" }, new String[] { "same" }, null);
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("same"));
    }

    @Test
    void blankConfiguredKeysDoNotCount() {
        ApiKeys keys = ApiKeys.resolve(new String[] { "", "  " }, null, "generated");
        assertEquals(ApiKeys.Source.GENERATED, keys.source());
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("generated"));
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
        assertEquals(true, CallerRole.ADMIN.grants(CallerRole.USER));
        assertEquals(true, CallerRole.ADMIN.grants(CallerRole.ADMIN));
        assertEquals(true, CallerRole.USER.grants(CallerRole.USER));
        assertEquals(false, CallerRole.USER.grants(CallerRole.ADMIN));
    }

    @Test
    void aSaltedDigestStandsForItsKey() throws Exception {
        String admin = "sha256:5f1c9a:" + sha256("5f1c9a" + "aib_admin-key");
        String user = "sha256:other-salt:" + sha256("other-salt" + "aib_user-key").toUpperCase();
        ApiKeys keys = ApiKeys.resolve(new String[] { admin }, new String[] { user, "plain" }, "generated");
        assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("aib_admin-key"));
        assertEquals(Optional.of(CallerRole.USER), keys.roleOf("aib_user-key"), "hex digits in either case");
        assertEquals(Optional.of(CallerRole.USER), keys.roleOf("plain"), "plain and hashed keys mix");
        assertEquals(Optional.empty(), keys.roleOf(admin), "the digest itself is no key");
        assertEquals(Optional.empty(), keys.roleOf("5f1c9aaib_admin-key"), "nor the salted text");
        assertEquals(Optional.empty(), keys.roleOf("aib_user-key".substring(1)));
    }

    @Test
    void aMalformedDigestIsLeftOutByPlaceNotByTextAndNeverBringsTheGeneratedKeyBack() {
        for (String wrong : new String[] { "sha256:salt:abc", "sha256::" + "0".repeat(64), "sha256:a:b:" + "0".repeat(64),
                "sha256:salt:" + "g".repeat(64) }) {
            ApiKeys keys = ApiKeys.resolve(new String[] { "fine", wrong }, null, "generated");
            assertEquals(Optional.of(CallerRole.ADMIN), keys.roleOf("fine"), "the good keys stay in force");
            assertEquals(Optional.empty(), keys.roleOf(wrong), "the malformed value is no plain key either");
            assertEquals(1, keys.refused().size(), wrong);
            String problem = keys.refused().get(0);
            assertTrue(problem.startsWith("admin.keys entry 2 starts with 'sha256:'"), problem);
            assertTrue(problem.contains("sha256:SALT:HEX"), problem);
            assertFalse(problem.contains(wrong), "the configured text is not repeated: " + problem);
        }
        ApiKeys onlyWrong = ApiKeys.resolve(null, new String[] { "sha256:x:y" }, "generated");
        assertEquals(ApiKeys.Source.CONFIGURATION, onlyWrong.source());
        assertEquals(Optional.empty(), onlyWrong.roleOf("generated"), "a mistyped digest does not revive the generated key");
        assertTrue(onlyWrong.refused().get(0).startsWith("user.keys entry 1"), onlyWrong.refused().toString());
    }

    @Test
    void aKeysRequesterIsTheStartOfItsUnsaltedDigestHoweverTheKeyIsConfigured() throws Exception {
        // jobs record their owner by this id: it must not change with the way a key is configured
        String salted = "sha256:5f1c9a:" + sha256("5f1c9a" + "aib_admin-key");
        ApiKeys keys = ApiKeys.resolve(new String[] { salted }, new String[] { "plain" }, "generated");
        assertEquals("key:" + sha256("aib_admin-key").substring(0, 24), keys.holderOf("aib_admin-key").orElseThrow().requester());
        assertEquals("key:" + sha256("plain").substring(0, 24), keys.holderOf("plain").orElseThrow().requester());
        assertEquals(Optional.empty(), keys.holderOf("plain2"));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
