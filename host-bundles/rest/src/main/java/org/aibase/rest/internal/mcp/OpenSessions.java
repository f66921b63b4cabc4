package org.aibase.rest.internal.mcp;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.aibase.api.plugin.CallerRole;

/**
 * The MCP sessions open now, capped in all and per caller. The SDK keeps a session until its client
 * ends it with {@code DELETE}, and many clients never do; so a new session past a cap is made room for:
 * past the caller's own cap its least recently used session goes, past the total cap any session idle
 * for longer than the idle time. Only when nothing may go is the new session refused (503, the client
 * may retry). What must go is handed back for the endpoint to end through the SDK, so the SDK forgets
 * it too and its client gets 404 (the spec's "start a new session").
 */
final class OpenSessions {

    /** One open session: on which role's server, whose, and when it was last used. */
    record Open(String id, CallerRole role, String requester, long lastUsed) {
    }

    /** What to do about a request for a new session. */
    record Room(boolean granted, List<Open> toEnd) {
    }

    private final int max;
    private final int maxPerCaller;
    private final long idleNanos;
    private final LongSupplier nanos;
    private final Map<String, Open> open = new LinkedHashMap<>();

    OpenSessions(int max, int maxPerCaller, long idleNanos, LongSupplier nanos) {
        this.max = max;
        this.maxPerCaller = maxPerCaller;
        this.idleNanos = idleNanos;
        this.nanos = nanos;
    }

    /**
     * Makes room for one more session of {@code requester}: the sessions to end first (forgotten here
     * already), or a refusal when the total cap is reached and no session has been idle long enough.
     */
    synchronized Room makeRoom(String requester) {
        long now = nanos.getAsLong();
        List<Open> toEnd = new ArrayList<>();
        List<Open> own = open.values().stream().filter(s -> s.requester().equals(requester))
                .sorted(Comparator.comparingLong(Open::lastUsed)).toList();
        for (int i = 0; i <= own.size() - maxPerCaller; i++) {
            toEnd.add(own.get(i));
        }
        if (open.size() - toEnd.size() >= max) {
            Optional<Open> idlest = open.values().stream().filter(s -> !toEnd.contains(s))
                    .filter(s -> now - s.lastUsed() > idleNanos).min(Comparator.comparingLong(Open::lastUsed));
            if (idlest.isEmpty()) {
                return new Room(false, List.of());
            }
            toEnd.add(idlest.get());
        }
        toEnd.forEach(s -> open.remove(s.id()));
        return new Room(true, toEnd);
    }

    /** A session the SDK opened. */
    synchronized void opened(String id, CallerRole role, String requester) {
        open.put(id, new Open(id, role, requester, nanos.getAsLong()));
    }

    /** A request of a session. */
    synchronized void used(String id) {
        open.computeIfPresent(id, (k, s) -> new Open(k, s.role(), s.requester(), nanos.getAsLong()));
    }

    /** A session its client ended. */
    synchronized void ended(String id) {
        open.remove(id);
    }

    synchronized int size() {
        return open.size();
    }
}
