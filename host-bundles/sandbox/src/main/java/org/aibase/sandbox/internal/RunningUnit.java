package org.aibase.sandbox.internal;

import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.aibase.api.plugin.ResourceLimits;

import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.WorkUnit;

/**
 * A unit of a plugin's work between admission and its end: which thread runs it, what that thread
 * has used so far, and whether the governor stopped it. The watchdog samples it while it runs.
 */
final class RunningUnit<T> implements org.aibase.sandbox.Governor.Accounted {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    final WorkUnit unit;
    final PluginBudget budget;
    /** When it must have finished ({@code System.nanoTime()}), or 0 for no timeout. */
    final long deadline;
    final long timeoutMillis;
    final long memoryLimit;
    final double cpuLimit;
    /** Its plugin's {@code limits.concurrency}, 0 for background work. */
    final int concurrencyLimit;
    /** Until when it may wait for a slot ({@code System.nanoTime()}); refused past it. */
    final long admissionDeadline;
    private final Callable<T> work;
    private final CompletableFuture<T> result;
    private final Set<RunningUnit<?>> active;

    /** The concurrency slot it holds, once it has one, until it ends. */
    private Semaphore slot;

    private Thread thread;
    private ClassLoader previousLoader;
    private long startAllocated;
    private long lastCpu;
    private long lastAllocated;
    private boolean finished;
    private long stoppedAt;
    private GovernorException stopReason;
    private boolean runawayReported;

    /**
     * A unit under the given limits; {@code work} and {@code result} are null for background work
     * accounted on its own thread.
     *
     * @param active the governor's set of running units, which the unit leaves when it ends
     */
    RunningUnit(WorkUnit unit, PluginBudget budget, ResourceLimits limits, long now, Callable<T> work,
            CompletableFuture<T> result, Set<RunningUnit<?>> active) {
        this.unit = unit;
        this.budget = budget;
        this.timeoutMillis = unit.admitted() ? limits.timeout().orElseThrow().toMillis() : 0;
        this.deadline = unit.admitted() ? now + TimeUnit.MILLISECONDS.toNanos(timeoutMillis) : 0;
        this.memoryLimit = limits.memoryBytes().orElseThrow();
        this.cpuLimit = limits.cpu().orElseThrow();
        this.concurrencyLimit = unit.admitted() ? limits.concurrency().orElseThrow() : 0;
        this.admissionDeadline = now + TimeUnit.MILLISECONDS.toNanos(PluginGovernor.SLOT_WAIT_MILLIS);
        this.work = work;
        this.result = result;
        this.active = active;
    }

    /** Runs the unit on the calling work thread; a unit it hands its slot to as it ends may stay with {@code handover}. */
    void run(SlotHandover handover) {
        if (!begin()) {
            active.remove(this); // stopped before a thread took it up: its caller has the answer already
            return;
        }
        T value = null;
        Throwable failure = null;
        try {
            value = work.call();
        } catch (Throwable e) {
            failure = e;
        } finally {
            // accounted and the slot back before the caller hears of it. The HTTP host completes a request
            // without waiting, so the unit given the slot may wait on this thread for that; a task's caller
            // may write its result to a slow client here, which no other unit should wait for
            if (unit.kind() == WorkUnit.Kind.REQUEST) {
                handover.during(this::end);
            } else {
                end();
            }
        }
        if (failure == null) {
            result.complete(value);
        } else {
            result.completeExceptionally(failure);
        }
    }

    /** The calling thread starts running the unit; false when it was stopped before it could start. */
    boolean begin() {
        Thread current = Thread.currentThread();
        synchronized (this) {
            if (stoppedAt != 0) {
                return false;
            }
            thread = current;
            lastCpu = THREADS.getCurrentThreadCpuTime();
            startAllocated = THREADS.getCurrentThreadAllocatedBytes();
            lastAllocated = startAllocated;
        }
        budget.running.incrementAndGet();
        if (unit.loader() != null) {
            previousLoader = current.getContextClassLoader();
            current.setContextClassLoader(unit.loader());
        }
        return true;
    }

    @Override
    public synchronized java.util.Optional<GovernorException> stopped() {
        return java.util.Optional.ofNullable(stopReason);
    }

    @Override
    public void close() {
        end();
    }

    /**
     * The unit takes a slot handed to it; false when it was stopped meanwhile (the slot then goes to
     * another).
     */
    synchronized boolean tookSlot(Semaphore given) {
        if (stoppedAt != 0) {
            return false;
        }
        slot = given;
        return true;
    }

    /** The slot it holds, now given back (to the next unit in line), if it held one. */
    private void giveBackSlot() {
        Semaphore held;
        synchronized (this) {
            held = slot;
            slot = null;
        }
        if (held != null) {
            budget.giveBack(held);
        }
    }

    /** The unit's thread is done with it: final accounting, the slot back, no interrupt left behind. */
    void end() {
        synchronized (this) {
            sample(System.nanoTime());
            finished = true;
        }
        budget.running.decrementAndGet();
        giveBackSlot();
        if (unit.loader() != null) {
            Thread.currentThread().setContextClassLoader(previousLoader);
        }
        // an interrupt aimed at this unit must not hit the thread's next unit
        Thread.interrupted();
        active.remove(this);
    }

    /** Adds what the thread used since the last sample to the plugin's figures. */
    synchronized void sample(long now) {
        if (thread == null || finished) {
            return;
        }
        // the unit's own thread takes the cheap current-thread calls; the watchdog looks the thread up
        boolean own = thread == Thread.currentThread();
        long cpu = own ? THREADS.getCurrentThreadCpuTime() : THREADS.getThreadCpuTime(thread.getId());
        long allocated = own ? THREADS.getCurrentThreadAllocatedBytes() : THREADS.getThreadAllocatedBytes(thread.getId());
        if (cpu > lastCpu) {
            budget.cpu.add(cpu - lastCpu, now);
            budget.cpuNanos.add(cpu - lastCpu);
            lastCpu = cpu;
        }
        if (allocated > lastAllocated) {
            budget.allocatedBytes.add(allocated - lastAllocated);
            lastAllocated = allocated;
        }
    }

    /** Bytes the thread allocated while running this unit, as of the last sample. */
    synchronized long allocated() {
        return thread == null ? 0 : lastAllocated - startAllocated;
    }

    synchronized boolean started() {
        return thread != null;
    }

    /**
     * Stops the unit: its caller gets the failure at once and its thread is interrupted.
     *
     * @param counter the plugin's counter of this reason, counted once when the unit is stopped
     * @return false when it had already finished or been stopped
     */
    boolean stop(GovernorException why, long now, java.util.concurrent.atomic.LongAdder counter) {
        boolean started;
        synchronized (this) {
            if (finished || stoppedAt != 0) {
                return false;
            }
            stoppedAt = now;
            stopReason = why;
            started = thread != null;
        }
        counter.increment(); // counted before the caller hears of it
        // the caller's answer first: interrupted work that then returns a value must not win the race
        if (result != null) {
            result.completeExceptionally(why);
        }
        if (!started) {
            budget.waitingForSlot.remove(this); // if it waited in line for a slot
            giveBackSlot(); // never started: nothing else gives the slot back
            return true;
        }
        synchronized (this) {
            if (!finished) {
                thread.interrupt();
            }
        }
        return true;
    }

    /**
     * The unit as a runaway, once: it was stopped more than {@code graceNanos} ago and its thread still
     * runs it (it ignored the interrupt); else null.
     */
    synchronized StoppedWork runaway(long now, long graceNanos) {
        if (finished || thread == null || stoppedAt == 0 || runawayReported || now - stoppedAt < graceNanos) {
            return null;
        }
        runawayReported = true;
        String description = unit.name() + " ignored its interrupt: still running " + (now - stoppedAt) / 1_000_000
                + " ms after it was stopped (" + stopReason.getMessage() + ")";
        return new StoppedWork(budget.pluginId, unit.name(), description, stoppedAt, this::running);
    }

    /** Whether its thread has not finished with it yet. */
    synchronized boolean running() {
        return !finished;
    }
}
