package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.junit.jupiter.api.Test;

class SessionResourceTest {

    // the console's password as the launcher hands it over: {sha-256} and the Base64 SHA-256 of "s3cret-console"
    private final Gatekeeper gatekeeper = new Gatekeeper(new MutableClock(), new ConsoleAccount(Optional.of("admin"),
            Optional.of("{sha-256}" + Base64.getEncoder().encodeToString(sha256("s3cret-console")))));
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
        assertEquals("key", assertThrows(ApiException.class,
                () -> resource.signIn(null, null, json("{\"other\":1}"))).details().get("parameter"));
        assertThrows(JsonProcessingException.class, () -> resource.signIn(null, null, json("{key")));
    }

    @Test
    void theWebConsolesUserAndPasswordOpenAnAdminSession() throws Exception {
        Response response = resource.signIn(null, null, json("{\"user\":\"admin\",\"password\":\"s3cret-console\"}"));
        assertEquals("admin", ((Map<?, ?>) response.getEntity()).get("role"));
        assertEquals(401, assertThrows(ApiException.class, () -> resource.signIn(null, null,
                json("{\"user\":\"admin\",\"password\":\"wrong\"}"))).status());
        assertEquals(401, assertThrows(ApiException.class, () -> resource.signIn(null, null,
                json("{\"user\":\"root\",\"password\":\"s3cret-console\"}"))).status());
        // the stored hash is not the password
        assertEquals(401, assertThrows(ApiException.class, () -> resource.signIn(null, null, json("{\"user\":\"admin\","
                + "\"password\":\"{sha-256}" + Base64.getEncoder().encodeToString(sha256("s3cret-console")) + "\"}"))).status());
        assertEquals("password", assertThrows(ApiException.class, () -> resource.signIn(null, null,
                json("{\"user\":\"admin\",\"password\":7}"))).details().get("parameter"));
    }

    @Test
    void withoutAConsoleAccountOnlyKeysSignIn() {
        SessionResource keysOnly = new SessionResource(new Gatekeeper(new MutableClock()));
        assertEquals(401, assertThrows(ApiException.class, () -> keysOnly.signIn(null, null,
                json("{\"user\":\"\",\"password\":\"\"}"))).status());
    }

    @Test
    void aPageLearnsItsSessionsRoleAndTokenFromTheCookie() throws Exception {
        Response signedIn = resource.signIn(null, null, json("{\"key\":\"user-key\"}"));
        String cookie = signedIn.getHeaderString(HttpHeaders.SET_COOKIE);
        String sessionId = cookie.substring("aibase_session=".length(), cookie.indexOf(';'));

        Map<String, Object> current = resource.current(sessionId, security(null));
        assertEquals("user", current.get("role"));
        assertEquals(((Map<?, ?>) signedIn.getEntity()).get("csrf_token"), current.get("csrf_token"));
        assertEquals(401, assertThrows(ApiException.class, () -> resource.current("gone", security(null))).status());
        assertEquals(Map.of("role", "admin", "scheme", "Bearer"), resource.current(null, security("admin")));
    }

    private static SecurityContext security(String bearerRole) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return null;
            }

            @Override
            public boolean isUserInRole(String role) {
                return role.equals(bearerRole);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return bearerRole == null ? "Session" : "Bearer";
            }
        };
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
