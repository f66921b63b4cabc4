package org.aibase.rest.internal.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.aibase.api.plugin.CallerRole;
import org.junit.jupiter.api.Test;

class OpenSessionsTest {

    private final AtomicLong now = new AtomicLong();
    private final OpenSessions sessions = new OpenSessions(4, 2, 100, now::get);

    private List<String> room(String requester) {
        OpenSessions.Room room = sessions.makeRoom(requester);
        assertTrue(room.granted());
        return room.toEnd().stream().map(OpenSessions.Open::id).toList();
    }

    @Test
    void pastItsOwnCapACallerLosesItsLeastRecentlyUsedSession() {
        assertEquals(List.of(), room("a"));
        sessions.opened("a1", CallerRole.USER, "a");
        now.addAndGet(10);
        sessions.opened("a2", CallerRole.USER, "a");
        now.addAndGet(10);
        sessions.used("a1"); // a1 is now the more recently used
        assertEquals(List.of("a2"), room("a"));
        assertEquals(1, sessions.size());
    }

    @Test
    void pastTheTotalCapOnlyAnIdleSessionMakesRoomOtherwiseTheNewOneIsRefused() {
        for (String id : List.of("a1", "b1", "c1", "d1")) {
            sessions.opened(id, CallerRole.USER, id.substring(0, 1));
            now.addAndGet(10);
        }
        assertFalse(sessions.makeRoom("e").granted(), "none idle past 100");
        now.addAndGet(80); // a1 idle 120, b1 110, c1 100 (not past), d1 90
        sessions.used("b1");
        assertEquals(List.of("a1"), room("e"));
        sessions.opened("e1", CallerRole.ADMIN, "e");
        assertFalse(sessions.makeRoom("f").granted());
        sessions.ended("c1");
        assertEquals(List.of(), room("f"));
    }
}
