package org.aibase.isolation.child.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls the child is running, by the runtime's call id: what an interrupt reaches, and which call
 * the plugin's code on a thread serves (its calls into the runtime name it, so the runtime acts for
 * that call's caller).
 */
final class RunningCalls {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private final Map<String, Thread> running = new ConcurrentHashMap<>();
    private final Set<String> interrupted = ConcurrentHashMap.newKeySet();

    /** Runs the call on this thread, reachable by its id while it runs (null id: not reachable). */
    <T> T run(String id, Callable<T> call) throws Exception {
        if (id == null || id.isEmpty()) {
            return call.call();
        }
        running.put(id, Thread.currentThread());
        CURRENT.set(id);
        try {
            return call.call();
        } finally {
            CURRENT.remove();
            running.remove(id, Thread.currentThread());
            interrupted.remove(id);
            Thread.interrupted(); // an interrupt that came late must not hit the pool thread's next call
        }
    }

    /** Interrupts the call; false when it is not running (done already, or never started). */
    boolean interrupt(String id) {
        Thread thread = running.get(id);
        if (thread == null) {
            return false;
        }
        interrupted.add(id);
        thread.interrupt();
        return true;
    }

    /** Whether the call still runs. */
    boolean running(String id) {
        return running.containsKey(id);
    }

    /** Whether the runtime interrupted the call (its time is over, or its job was cancelled). */
    boolean wasInterrupted(String id) {
        return interrupted.contains(id);
    }

    /** The call the plugin's code on this thread serves; empty on a thread the plugin started itself. */
    static Optional<String> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
