package org.aibase.llm.internal;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;

/** At most N calls in flight to one endpoint; more wait up to their timeout, then fail UNAVAILABLE. */
final class ConcurrencyLimit {

    /** A held slot; closing it frees the slot. */
    interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    private final String endpointName;
    private final int max;
    private final Semaphore slots;

    ConcurrencyLimit(String endpointName, int max) {
        this.endpointName = endpointName;
        this.max = max;
        this.slots = new Semaphore(max, true);
    }

    /** Waits for a slot for at most the timeout. */
    Permit acquire(Duration timeout) {
        try {
            if (!slots.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LlmException(Kind.UNAVAILABLE, endpointName + ": all " + max
                        + " concurrent calls are busy (max.concurrent) and none finished within " + timeout.toMillis() + " ms");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(Kind.UNAVAILABLE, endpointName + ": interrupted while waiting for a call slot", e);
        }
        return slots::release;
    }

    /** Calls in flight now. */
    int inFlight() {
        return max - slots.availablePermits();
    }
}
