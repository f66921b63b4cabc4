package org.aibase.sandbox.internal;

import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

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
    private volatile Slots slots = new Slots(0, new Semaphore(0));

    PluginBudget(String pluginId) {
        this.pluginId = pluginId;
    }

    /**
     * Takes one of {@code limit} slots, waiting up to {@code waitMillis} when all are taken.
     *
     * @return the semaphore to release when the work ends
     * @throws GovernorException {@code TOO_MANY_REQUESTS} naming the limit when none came free
     */
    Semaphore admit(int limit, long waitMillis) {
        Semaphore slot = slots(limit);
        if (slot.tryAcquire()) {
            return slot;
        }
        slotWaits.increment();
        try {
            if (slot.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                return slot;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rejections.increment();
        throw new GovernorException(GovernorException.Reason.TOO_MANY_REQUESTS, "Plugin '" + pluginId
                + "' is serving its limit of " + limit + " requests at once; retry shortly", Map.of("limit", limit));
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
