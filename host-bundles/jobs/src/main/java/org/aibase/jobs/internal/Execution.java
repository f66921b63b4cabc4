package org.aibase.jobs.internal;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

import org.aibase.api.jobs.JobContext;

/**
 * One attempt of one job running on this node, and the context its handler sees. Exactly one of
 * finishing, timing out, being cancelled or being abandoned wins (a compare-and-set), so an attempt's
 * outcome is recorded once.
 */
final class Execution implements JobContext {

    enum State { RUNNING, FINISHED, TIMED_OUT, CANCELLED, ABANDONED }

    private final ClaimedJob claimed;
    private final HandlerRegistration registration;
    private final JobStore store;
    private final String node;
    private final AtomicReference<State> state = new AtomicReference<>(State.RUNNING);
    private Thread thread;
    private volatile ScheduledFuture<?> timeout;

    Execution(ClaimedJob claimed, HandlerRegistration registration, JobStore store, String node) {
        this.claimed = claimed;
        this.registration = registration;
        this.store = store;
        this.node = node;
    }

    /** The key of this attempt among a node's executions: a timed-out attempt may linger beside a retry. */
    String key() {
        return id() + "#" + attempt();
    }

    HandlerRegistration registration() {
        return registration;
    }

    String plugin() {
        return registration.plugin();
    }

    /** Ends the attempt in this state if nothing else ended it first. */
    boolean end(State outcome) {
        return state.compareAndSet(State.RUNNING, outcome);
    }

    /** The thread now running the handler; false when the attempt already ended before it began. */
    synchronized boolean attach(Thread runner) {
        thread = runner;
        return state.get() == State.RUNNING;
    }

    synchronized void detach() {
        thread = null;
    }

    /** Interrupts the handler's thread, if it is still running the handler. */
    synchronized void interrupt() {
        if (thread != null) {
            thread.interrupt();
        }
    }

    void timeoutTask(ScheduledFuture<?> task) {
        this.timeout = task;
    }

    void cancelTimeout() {
        ScheduledFuture<?> task = timeout;
        if (task != null) {
            task.cancel(false);
        }
    }

    RunningJob asRunning() {
        return new RunningJob(id(), plugin(), node, attempt(), registration.idempotent());
    }

    @Override
    public String id() {
        return claimed.job().id();
    }

    @Override
    public String type() {
        return claimed.job().type();
    }

    @Override
    public String name() {
        return claimed.job().name();
    }

    @Override
    public String input() {
        return claimed.job().input();
    }

    @Override
    public int attempt() {
        return claimed.attempt();
    }

    @Override
    public String node() {
        return node;
    }

    @Override
    public void progress(double fraction, String message) {
        if (state.get() != State.RUNNING) {
            return;
        }
        double clamped = Double.isNaN(fraction) ? 0 : Math.max(0, Math.min(1, fraction));
        store.progress(id(), attempt(), clamped, message);
    }

    @Override
    public boolean isCancelled() {
        return state.get() != State.RUNNING;
    }
}
