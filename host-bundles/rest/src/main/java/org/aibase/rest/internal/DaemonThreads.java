package org.aibase.rest.internal;

import java.util.concurrent.ThreadFactory;

/** The REST bundle's own threads: daemon, so none holds the JVM open, and named for thread dumps. */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** Threads of the given name, e.g. {@code aibase-http-host}. */
    public static ThreadFactory named(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
