package org.aibase.rest.internal;

import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stack traces of plugin failures as the log gets them: each throwable of the chain cut to its first
 * {@value #LOGGED_FRAMES} frames. The top of a trace names the fault; a plugin recursing into a
 * {@code StackOverflowError} would otherwise write 1,024 frames (about 100 KB) per request, and with a
 * few requests a second push the log's history out of its rotation.
 */
public final class StackTraces {

    /** Frames kept per throwable. */
    public static final int LOGGED_FRAMES = 64;

    private StackTraces() {
    }

    /** The failure itself, its traces (causes and suppressed ones too) cut to {@link #LOGGED_FRAMES} frames. */
    public static Throwable cut(Throwable failure) {
        cut(failure, Collections.newSetFromMap(new IdentityHashMap<>()));
        return failure;
    }

    private static void cut(Throwable failure, Set<Throwable> seen) {
        if (failure == null || !seen.add(failure)) {
            return;
        }
        StackTraceElement[] trace = failure.getStackTrace();
        if (trace.length > LOGGED_FRAMES) {
            failure.setStackTrace(Arrays.copyOf(trace, LOGGED_FRAMES));
        }
        for (Throwable suppressed : failure.getSuppressed()) {
            cut(suppressed, seen);
        }
        cut(failure.getCause(), seen);
    }
}
