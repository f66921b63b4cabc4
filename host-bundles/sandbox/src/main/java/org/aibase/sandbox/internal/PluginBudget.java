package org.aibase.sandbox.internal;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.PluginLoad;

/** One plugin's slots, CPU window, waiting work, counters and request meter. */
final class PluginBudget {

    private record Slots(int limit, Semaphore semaphore) {
    }

    final String pluginId;
    final CpuWindow cpu = new CpuWindow();
    /** Units admitted but waiting for CPU budget, oldest first. */
    final Queue<RunningUnit<?>> waitingForCpu = new ConcurrentLinkedQueue<>();
    /** Units waiting for one of the plugin's concurrency slots, oldest first: each is handed the next slot given back. */
    final Queue<RunningUnit<?>> waitingForSlot = new ConcurrentLinkedQueue<>();
    final AtomicInteger running = new AtomicInteger();
    final LongAdder cpuNanos = new LongAdder();
    final LongAdder allocatedBytes = new LongAdder();
    final LongAdder slotWaits = new LongAdder();
    final LongAdder rejections = new LongAdder();
    final LongAdder cpuWaits = new LongAdder();
    final LongAdder timeouts = new LongAdder();
    final LongAdder memoryExceeded = new LongAdder();
    final LongAdder runaways = new LongAdder();
    final PluginRequests requests = new PluginRequests();
    /** What becomes of a unit that holds its slot: the governor starts it, or queues it for CPU. */
    private final Consumer<RunningUnit<?>> admitted;
    private volatile Slots slots = new Slots(0, new Semaphore(0));

    PluginBudget(String pluginId, Consumer<RunningUnit<?>> admitted) {
        this.pluginId = pluginId;
        this.admitted = admitted;
    }

    /**
     * Admits the unit under {@code limit} slots: at once when one is free, else it waits in line (no
     * thread waits with it) until a unit ending hands it its slot, or the watchdog refuses it
     * ({@link #refuseWaiting}).
     */
    void admit(RunningUnit<?> unit, int limit) {
        Semaphore slot = slots(limit);
        if (slot.tryAcquire()) {
            unit.tookSlot(slot);
            admitted.accept(unit);
            return;
        }
        slotWaits.increment();
        waitingForSlot.add(unit);
        // a slot given back between the try above and joining the line went to nobody: take it for the line
        if (slot.tryAcquire()) {
            giveBack(slot);
        }
    }

    /**
     * A slot comes back: the unit first in line takes it (and is admitted), else it is free again. Never
     * waits: a unit that ended runs this on its own thread.
     */
    void giveBack(Semaphore slot) {
        Semaphore held = slot;
        while (true) {
            RunningUnit<?> next = waitingForSlot.poll();
            if (next == null) {
                held.release();
                // one may have joined the line after the poll and tried before the release: look again
                held = slots.semaphore();
                if (waitingForSlot.isEmpty() || !held.tryAcquire()) {
                    return;
                }
            } else if (next.tookSlot(held)) {
                admitted.accept(next);
                return;
            }
            // that one was stopped while it waited: the next in line
        }
    }

    /** Refuses the units that waited past their admission deadline for a slot, oldest first. */
    void refuseWaiting(long now) {
        for (RunningUnit<?> head; (head = waitingForSlot.peek()) != null && now > head.admissionDeadline;) {
            if (waitingForSlot.remove(head)) {
                head.stop(new GovernorException(GovernorException.Reason.TOO_MANY_REQUESTS, "Plugin '" + pluginId
                        + "' is serving its limit of " + head.concurrencyLimit + " requests at once; retry shortly",
                        Map.of("limit", head.concurrencyLimit)), now, rejections);
            }
        }
    }

    /** The semaphore for the current limit; a new one when the limit changed (holders release into the old one). */
    private Semaphore slots(int limit) {
        Slots current = slots;
        if (current.limit() != limit) {
            synchronized (this) {
                current = slots;
                if (current.limit() != limit) {
                    current = new Slots(limit, new Semaphore(limit));
                    slots = current;
                }
            }
        }
        return current.semaphore();
    }

    PluginLoad load(long now) {
        return new PluginLoad(cpuNanos.sum(), allocatedBytes.sum(), cpu.cores(now), running.get(), waitingForCpu.size(),
                slotWaits.sum(), rejections.sum(), cpuWaits.sum(), timeouts.sum(), memoryExceeded.sum(), runaways.sum(),
                requests.figures());
    }
}
