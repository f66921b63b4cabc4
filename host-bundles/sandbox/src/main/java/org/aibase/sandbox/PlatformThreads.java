package org.aibase.sandbox;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Threads the platform makes: daemon, so none holds the JVM open, named for thread dumps, and owing
 * nothing to the thread that happened to start them.
 *
 * <p>That last part is why every host bundle makes its threads here. In Java 17 a new thread inherits
 * its creator's access-control context: the protection domains of every class on the creator's stack,
 * and whatever the creator inherited in turn. A plugin's classes have their bundle's protection
 * domain, which holds the plugin's class loader. A pool that starts a thread while a plugin's code is
 * on the stack (a plugin calling a platform service, a thread started by such a thread) would keep
 * that plugin's class loader, and every class it loaded, reachable for as long as that thread and its
 * descendants live: an updated plugin's old revision would never be collected. So a thread is made in
 * a privileged block, which inherits nothing of the stack; it does not copy the creator's inheritable
 * thread-locals; and its context class loader is the one given, never the creator's.
 */
public final class PlatformThreads {

    private PlatformThreads() {
    }

    /**
     * Every thread with the same name, e.g. {@code aibase-http-host}.
     *
     * @param contextLoader the threads' context class loader: the calling bundle's own, or a plugin's for its threads
     */
    public static ThreadFactory named(String name, ClassLoader contextLoader) {
        return task -> make(() -> new Thread(null, task, name, 0, false), contextLoader);
    }

    /** Threads named {@code <prefix>1}, {@code <prefix>2}, ... (see {@link #named}). */
    public static ThreadFactory numbered(String prefix, ClassLoader contextLoader) {
        AtomicInteger count = new AtomicInteger();
        return task -> make(() -> new Thread(null, task, prefix + count.incrementAndGet(), 0, false), contextLoader);
    }

    /**
     * Constructs a thread (a subclass of its own, too) so that it inherits nothing of the calling thread's
     * stack, and makes it a daemon with the given context class loader. A subclass passes {@code false}
     * for {@code inheritThreadLocals} to its {@code Thread} constructor.
     */
    @SuppressWarnings("removal") // Java 17 still captures the context; doPrivileged is how to leave it behind
    public static <T extends Thread> T make(Supplier<T> construction, ClassLoader contextLoader) {
        T thread = AccessController.doPrivileged((PrivilegedAction<T>) construction::get);
        thread.setDaemon(true);
        thread.setContextClassLoader(contextLoader);
        return thread;
    }
}
