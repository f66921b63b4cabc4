package org.aibase.sandbox.internal;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** The sandbox's own threads: daemon, so none holds the JVM open, and named for thread dumps. */
final class PlatformThreads {

    private PlatformThreads() {
    }

    /** One thread of the given name at a time, e.g. {@code aibase-governor-watchdog}. */
    static ThreadFactory named(String name) {
        return task -> daemon(new Thread(task, name));
    }

    /** Threads named {@code <prefix>1}, {@code <prefix>2}, ... */
    static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> daemon(new Thread(task, prefix + count.incrementAndGet()));
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }
}
