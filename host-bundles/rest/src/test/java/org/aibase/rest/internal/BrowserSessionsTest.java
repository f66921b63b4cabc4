package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.aibase.api.plugin.CallerRole;
import org.junit.jupiter.api.Test;

class BrowserSessionsTest {

    private final MutableClock clock = new MutableClock();
    private final BrowserSessions sessions = new BrowserSessions(Duration.ofMinutes(10), clock);

    @Test
    void sessionsHaveRandomIdsAndTokens() {
        BrowserSession a = sessions.open(CallerRole.ADMIN, "key:test");
        BrowserSession b = sessions.open(CallerRole.ADMIN, "key:test");
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), b.csrfToken());
        assertNotEquals(a.id(), a.csrfToken());
        assertTrue(a.id().length() >= 43, "256 bits");
    }

    @Test
    void anIdleSessionExpiresAndIsSweptAway() {
        BrowserSession old = sessions.open(CallerRole.USER, "key:test");
        clock.advance(Duration.ofMinutes(10));
        assertTrue(sessions.find(old.id()).isEmpty());

        BrowserSession stale = sessions.open(CallerRole.USER, "key:test");
        clock.advance(Duration.ofMinutes(11));
        sessions.open(CallerRole.USER, "key:test");
        assertEquals(1, sessions.size(), "opening a session sweeps the expired ones");
        assertTrue(sessions.find(stale.id()).isEmpty());
    }

    @Test
    void csrfTokensCompareExactly() {
        BrowserSession session = sessions.open(CallerRole.ADMIN, "key:test");
        assertTrue(BrowserSessions.csrfMatches(session, session.csrfToken()));
        assertFalse(BrowserSessions.csrfMatches(session, session.csrfToken() + "x"));
        assertFalse(BrowserSessions.csrfMatches(session, null));
    }

    @Test
    void clearEndsEverySession() {
        BrowserSession session = sessions.open(CallerRole.ADMIN, "key:test");
        sessions.clear();
        assertTrue(sessions.find(session.id()).isEmpty());
    }
}
