package org.aibase.isolation.child.internal;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Callable;

/** The calls the child is running, by the runtime's call id: what an interrupt reaches. */
final class RunningCalls {

    private final Map<String, Thread> running = new ConcurrentHashMap<>();

    /** Runs the call on this thread, reachable by its id while it runs (null id: not reachable). */
    <T> T run(String id, Callable<T> call) throws Exception {
        if (id == null || id.isEmpty()) {
            return call.call();
        }
        running.put(id, Thread.currentThread());
        try {
            return call.call();
        } finally {
            running.remove(id, Thread.currentThread());
            Thread.interrupted(); // an interrupt that came late must not hit the pool thread's next call
        }
    }

    /** Interrupts the call; false when it is not running (done already, or never started). */
    boolean interrupt(String id) {
        Thread thread = running.get(id);
        if (thread == null) {
            return false;
        }
        thread.interrupt();
        return true;
    }

    /** Whether the call still runs. */
    boolean running(String id) {
        return running.containsKey(id);
    }
}
