package org.aibase.jobs.internal;

import java.time.Duration;

/**
 * How a handler's failures are retried: {@code attempts} in all, the first retry after
 * {@code backoff}, each further one after twice the previous delay (capped at an hour).
 */
record RetryPolicy(int attempts, Duration backoff) {

    static final RetryPolicy ONCE = new RetryPolicy(1, Duration.ofSeconds(1));
    private static final Duration MAX_DELAY = Duration.ofHours(1);

    RetryPolicy {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be 1 or more, was " + attempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, was " + backoff);
        }
    }

    /** The delay before the attempt after {@code failedAttempt} (1-based). */
    Duration delayAfter(int failedAttempt) {
        Duration delay = backoff;
        for (int i = 1; i < failedAttempt && delay.compareTo(MAX_DELAY) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    /** Whether another attempt follows a failure of {@code failedAttempt}. */
    boolean retriesAfter(int failedAttempt) {
        return failedAttempt < attempts;
    }
}
