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
        String id = requester.get();
        return () -> {
            String previous = CURRENT.get();
            CURRENT.set(id);
            try {
                return work.call();
            } finally {
                if (previous == null) {
                    CURRENT.remove();
                } else {
                    CURRENT.set(previous);
                }
            }
        };
    }

    /** Whom the work on this thread acts for; empty outside a request or task, or for an anonymous call. */
    public static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
