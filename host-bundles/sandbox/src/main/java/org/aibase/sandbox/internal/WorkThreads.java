package org.aibase.sandbox.internal;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.aibase.sandbox.PlatformThreads;

/**
 * The governor's work threads, renewed whenever code is replaced or removed. Plugin code can leave
 * values in thread-locals of the thread it ran on (libraries keep per-thread caches and buffers); a value
 * of one of the plugin's own classes keeps the plugin's class loader, and everything it loaded, for as
 * long as the thread lives, and under steady load a pooled thread lives for ever. After a renewal a
 * thread ends once it is done with its current work, an idle one at once, and new threads take their
 * place as work comes (as Tomcat renews its threads when a web application stops).
 */
final class WorkThreads extends ThreadPoolExecutor {

    private final AtomicInteger generation = new AtomicInteger();
    /** Threads started before the last renewal and not yet ended. */
    private final AtomicInteger retiring = new AtomicInteger();

    WorkThreads(int maximum, String namePrefix) {
        super(0, maximum, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        AtomicInteger count = new AtomicInteger();
        setThreadFactory(task -> PlatformThreads.make(() -> new WorkThread(task, namePrefix + count.incrementAndGet(),
                generation.get()), WorkThreads.class.getClassLoader()));
    }

    /** Every thread started before now ends after its current work; the idle ones end now. */
    void renew() {
        generation.incrementAndGet();
        retiring.set(getPoolSize());
        sweep();
    }

    /**
     * Ends idle threads started before the last renewal: each gets a unit of no work, after which it ends.
     * A unit may go to a newer idle thread instead (the pool hands work to the thread that waited least), so
     * the governor's watchdog sweeps again until none of them is left.
     */
    void sweep() {
        for (int idle = Math.min(retiring.get(), getPoolSize() - getActiveCount()); idle > 0; idle--) {
            try {
                execute(() -> {
                });
            } catch (RejectedExecutionException e) {
                return; // shut down, or every thread busy: each of those ends after its work
            }
        }
    }

    /** Whether the calling thread is one of these, started before the last renewal: it takes no more work. */
    boolean retiring() {
        return Thread.currentThread() instanceof WorkThread thread && thread.generation != generation.get();
    }

    @Override
    protected void afterExecute(Runnable work, Throwable failure) {
        if (retiring()) {
            throw new Retired(); // ThreadPoolExecutor ends a thread whose afterExecute throws, and starts another if needed
        }
    }

    private final class WorkThread extends Thread {

        final int generation;

        WorkThread(Runnable task, String name, int generation) {
            super(null, task, name, 0, false);
            this.generation = generation;
            setUncaughtExceptionHandler((thread, e) -> {
                if (!(e instanceof Retired)) {
                    thread.getThreadGroup().uncaughtException(thread, e);
                }
            });
        }

        @Override
        public void run() {
            try {
                super.run();
            } finally {
                if (generation != WorkThreads.this.generation.get()) {
                    retiring.decrementAndGet(); // however it ended: its work, an idle timeout, the shutdown
                }
            }
        }
    }

    /** A thread's end after a renewal; no failure, so no stack trace. */
    private static final class Retired extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Retired() {
            super(null, null, false, false);
        }
    }
}
