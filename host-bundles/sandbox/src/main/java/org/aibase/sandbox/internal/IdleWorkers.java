package org.aibase.sandbox.internal;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Work threads that have just ended a unit and look for their next one for a few microseconds
 * ({@code work.linger.micros}) before they go back to the pool to sleep. Under load the next request
 * comes within microseconds: handed to a thread still awake, it costs no wake-up. Waking a sleeping
 * thread costs a futex call on each side and a context switch, about a sixth of a small request's CPU
 * time measured on a 2-core machine. A lingering thread yields its core at every look, so it takes no
 * CPU time that another runnable thread wants.
 *
 * @param <T> what is handed over
 */
final class IdleWorkers<T> {

    /** A lingering thread's mailbox before anything is handed to it. */
    private static final Object EMPTY = new Object();
    /** A mailbox whose thread stopped lingering: nothing can be handed to it any more. */
    private static final Object CLOSED = new Object();

    /** Mailboxes of lingering threads, the latest first: the thread that ran most recently has the warmest cache. */
    private final ConcurrentLinkedDeque<AtomicReference<Object>> lingering = new ConcurrentLinkedDeque<>();
    private volatile long lingerNanos;

    IdleWorkers(Duration linger) {
        linger(linger);
    }

    void linger(Duration linger) {
        this.lingerNanos = linger.toNanos();
    }

    /** Hands {@code work} to a lingering thread: false if none lingers (the caller wakes or starts one). */
    boolean handOver(T work) {
        for (AtomicReference<Object> mailbox; (mailbox = lingering.pollFirst()) != null;) {
            if (mailbox.compareAndSet(EMPTY, work)) {
                return true;
            }
            // that thread stopped lingering meanwhile: the next
        }
        return false;
    }

    /** The calling thread lingers for work handed over to it; null if none came in time. */
    @SuppressWarnings("unchecked")
    T linger() {
        long linger = lingerNanos;
        if (linger <= 0) {
            return null;
        }
        AtomicReference<Object> mailbox = new AtomicReference<>(EMPTY);
        lingering.addFirst(mailbox);
        long until = System.nanoTime() + linger;
        do {
            if (mailbox.get() != EMPTY) {
                return (T) mailbox.get();
            }
            Thread.yield();
        } while (System.nanoTime() - until < 0);
        if (mailbox.compareAndSet(EMPTY, CLOSED)) {
            lingering.remove(mailbox);
            return null;
        }
        return (T) mailbox.get(); // handed over as it gave up
    }
}
