package org.aibase.llm.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with full jitter (a random wait between 0 and min(max, initial * 2^attempt)), so
 * callers that failed together do not retry together; a provider's Retry-After wins over it.
 */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait before retry number {@code attempt + 1} (attempt counts from 0). */
    Duration delay(int attempt, Optional<Duration> retryAfter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() << Math.min(attempt, 30));
        return Duration.ofMillis((long) (random.getAsDouble() * ceiling));
    }
}
