package org.aibase.sandbox.internal;

import java.util.concurrent.ThreadFactory;

/** The sandbox's own threads: daemon, so none holds the JVM open, and named for thread dumps. */
final class PlatformThreads {

    private PlatformThreads() {
    }

    /** One thread of the given name at a time, e.g. {@code aibase-governor-watchdog}. */
    static ThreadFactory named(String name) {
        return task -> daemon(new Thread(task, name));
    }

    private static Thread daemon(Thread thread) {
        thread.setDaemon(true);
        return thread;
    }
}
