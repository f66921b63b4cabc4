package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;

import org.aibase.api.plugin.CallerRole;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GatekeeperTest {

    private static final String ADMIN = "admin-key-0123456789";
    private static final String USER = "user-key-0123456789";

    private final MutableClock clock = new MutableClock();
    private final Gatekeeper gatekeeper = new Gatekeeper(clock);

    @BeforeEach
    void keys() {
        gatekeeper.apply(ApiKeys.resolve(new String[] { ADMIN }, new String[] { USER }, "generated"),
                Duration.ofMinutes(30));
    }

    private AccessDecision bearer(String method, String path, String key) {
        return gatekeeper.authorize(method, path, "Bearer " + key, null, null);
    }

    /** One endpoint of each resource class, with the role it needs. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/plugins, user",
            "GET, /api/v1/plugins/hello/usage, user",
            "POST, /api/v1/plugins/hello/tasks, user",
            "POST, /api/v1/validate, user",
            "GET, /api/v1/hello/greeting, user",
            "POST, /api/v1/plugins, admin",
            "POST, /api/v1/plugins/hello/start, admin",
            "DELETE, /api/v1/plugins/hello, admin",
            "PUT, /api/v1/plugins/hello/config, admin",
            "GET, /api/v1/deployments, admin",
    })
    void rolesPerEndpoint(String method, String path, String role) {
        AccessDecision anonymous = gatekeeper.authorize(method, path, null, null, null);
        assertEquals(401, anonymous.status(), "no key");
        assertEquals("unauthorized", anonymous.code());
        assertEquals(401, bearer(method, path, "wrong").status(), "a wrong key");

        AccessDecision user = bearer(method, path, USER);
        if (role.equals("admin")) {
            assertFalse(user.allowed());
            assertEquals(403, user.status(), "a user key on an admin endpoint");
            assertEquals("forbidden", user.code());
        } else {
            assertTrue(user.allowed());
            assertEquals(Optional.of(CallerRole.USER), user.caller().role());
        }
        AccessDecision admin = bearer(method, path, ADMIN);
        assertTrue(admin.allowed(), "admin may call everything");
        assertEquals(Optional.of(CallerRole.ADMIN), admin.caller().role());
    }

    @Test
    void publicEndpointsNeedNoKey() {
        assertTrue(gatekeeper.authorize("GET", "/api/v1/health", null, null, null).allowed());
        assertTrue(gatekeeper.authorize("POST", "/api/v1/session", null, null, null).allowed());
    }

    @Test
    void aPublicEndpointKnowsACallerWithAValidKeyAndTakesAWrongOneAsAnonymous() {
        AccessDecision known = bearer("GET", "/api/v1/health", ADMIN);
        assertTrue(known.allowed());
        assertEquals(Optional.of(CallerRole.ADMIN), known.caller().role());
        AccessDecision wrong = bearer("GET", "/api/v1/health", "not-a-key");
        assertTrue(wrong.allowed(), "a probe with a stale key still learns whether the runtime is up");
        assertEquals(Optional.empty(), wrong.caller().role());
    }

    @Test
    void theBearerSchemeIsRequired() {
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", "Basic " + ADMIN, null, null).status());
        assertTrue(gatekeeper.authorize("GET", "/api/v1/plugins", "bearer " + USER, null, null).allowed());
    }

    @Test
    void cookieRequestsThatChangeStateNeedTheCsrfToken() {
        BrowserSession session = gatekeeper.signIn(ADMIN).orElseThrow();
        String path = "/api/v1/plugins/hello/stop";

        AccessDecision missing = gatekeeper.authorize("POST", path, null, session.id(), null);
        assertEquals(403, missing.status());
        assertEquals("csrf_required", missing.code());
        AccessDecision wrong = gatekeeper.authorize("POST", path, null, session.id(), "not-the-token");
        assertEquals("csrf_required", wrong.code());

        assertTrue(gatekeeper.authorize("POST", path, null, session.id(), session.csrfToken()).allowed());
        assertTrue(gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).allowed(),
                "reading needs no CSRF token");
        assertTrue(gatekeeper.authorize("POST", path, "Bearer " + ADMIN, null, null).allowed(),
                "bearer requests need no CSRF token");
    }

    @Test
    void aSessionHasTheRoleOfItsKey() {
        BrowserSession session = gatekeeper.signIn(USER).orElseThrow();
        assertEquals(CallerRole.USER, session.role());
        AccessDecision admin = gatekeeper.authorize("POST", "/api/v1/plugins/hello/stop", null, session.id(),
                session.csrfToken());
        assertEquals(403, admin.status());
        assertEquals("forbidden", admin.code());
    }

    @Test
    void unknownOrEndedSessionsAre401() {
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", null, "made-up", null).status());
        BrowserSession session = gatekeeper.signIn(ADMIN).orElseThrow();
        gatekeeper.signOut(session.id());
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).status());
    }

    @Test
    void sessionsExpireWhenIdle() {
        BrowserSession session = gatekeeper.signIn(ADMIN).orElseThrow();
        clock.advance(Duration.ofMinutes(29));
        assertTrue(gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).allowed());
        clock.advance(Duration.ofMinutes(29));
        assertTrue(gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).allowed(),
                "each use restarts the idle time");
        clock.advance(Duration.ofMinutes(30));
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).status());
    }

    @Test
    void configuredKeysReplaceTheGeneratedOne() {
        assertEquals(401, bearer("GET", "/api/v1/plugins", "generated").status());
        gatekeeper.apply(ApiKeys.resolve(new String[0], new String[0], "generated"), Duration.ofMinutes(30));
        assertTrue(bearer("GET", "/api/v1/deployments", "generated").allowed());
        assertEquals(401, bearer("GET", "/api/v1/plugins", ADMIN).status());
    }

    @Test
    void newKeysEndEverySession() {
        BrowserSession session = gatekeeper.signIn(ADMIN).orElseThrow();
        gatekeeper.apply(ApiKeys.resolve(new String[] { "other" }, null, null), Duration.ofMinutes(30));
        assertEquals(401, gatekeeper.authorize("GET", "/api/v1/plugins", null, session.id(), null).status());
    }

    @Test
    void beforeAnyKeysArriveEverythingProtectedIsClosed() {
        Gatekeeper fresh = new Gatekeeper(clock);
        assertEquals(401, fresh.authorize("GET", "/api/v1/plugins", "Bearer " + ADMIN, null, null).status());
        assertTrue(fresh.authorize("GET", "/api/v1/health", null, null, null).allowed());
    }

    @Test
    void bearerTokenParsing() {
        assertEquals(Optional.of("abc"), Gatekeeper.bearerToken("Bearer abc"));
        assertEquals(Optional.of("abc"), Gatekeeper.bearerToken("BEARER  abc "));
        assertEquals(Optional.empty(), Gatekeeper.bearerToken("Bearer "));
        assertEquals(Optional.empty(), Gatekeeper.bearerToken("Token abc"));
        assertEquals(Optional.empty(), Gatekeeper.bearerToken(null));
    }
}
