package org.aibase.sandbox;

import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * On whose behalf a plugin's work runs: a stable id of the credential that sent the request or tool call
 * (a digest, never the key), so what the work leaves behind, e.g. a durable job, can be given back to
 * the same caller only. The host sets it around the plugin's code on the thread that runs it; threads
 * the plugin starts itself act for nobody.
 */
public final class Requester {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private Requester() {
    }

    /** The work, run with {@code requester} as the current one (unchanged work when there is none). */
    public static <T> Callable<T> actingFor(Optional<String> requester, Callable<T> work) {
        if (requester.isEmpty()) {
            return work;
        }
        return () -> {
            try (Scope acting = actFor(requester)) {
                return work.call();
            }
        };
    }

    /** Makes {@code requester} the current one on this thread until the scope is closed (on the same thread). */
    public static Scope actFor(Optional<String> requester) {
        String previous = CURRENT.get();
        requester.ifPresentOrElse(CURRENT::set, CURRENT::remove);
        return () -> {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        };
    }

    /** The time a requester is current; closing it restores the one before. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    /** Whom the work on this thread acts for; empty outside a request or task, or for an anonymous call. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
