package org.aibase.rest.internal;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.api.plugin.CallerRole;

/**
 * Browser sessions, in memory, each ending after an idle period. Expired sessions are swept
 * whenever one is opened, so the map stays bounded by the sessions active within one idle period
 * without a background thread.
 */
final class BrowserSessions {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Duration idle;
    private final Clock clock;
    private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

    private static final class Entry {
        final BrowserSession session;
        volatile Instant lastUsed;

        Entry(BrowserSession session, Instant lastUsed) {
            this.session = session;
            this.lastUsed = lastUsed;
        }
    }

    BrowserSessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** Opens a session for a caller who proved the given role with the credential {@code requester} names. */
    BrowserSession open(CallerRole role, String requester) {
        sweep();
        BrowserSession session = new BrowserSession(randomToken(), role, requester, randomToken());
        sessions.put(session.id(), new Entry(session, clock.instant()));
        return session;
    }

    /** The live session with this cookie value, its idle time restarted; empty when unknown or expired. */
    Optional<BrowserSession> find(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(entry, now)) {
            sessions.remove(id, entry);
            return Optional.empty();
        }
        entry.lastUsed = now;
        return Optional.of(entry.session);
    }

    /** Whether the presented CSRF token is the session's, compared in constant time. */
    static boolean csrfMatches(BrowserSession session, String presented) {
        return presented != null && MessageDigest.isEqual(
                session.csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8),
                presented.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Ends a session (signing out); unknown ids are ignored. */
    void close(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session: the keys changed or the component is going away. */
    void clear() {
        sessions.clear();
    }

    int size() {
        return sessions.size();
    }

    Duration idle() {
        return idle;
    }

    private void sweep() {
        Instant now = clock.instant();
        sessions.values().removeIf(entry -> expired(entry, now));
    }

    private boolean expired(Entry entry, Instant now) {
        return !now.isBefore(entry.lastUsed.plus(idle));
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
