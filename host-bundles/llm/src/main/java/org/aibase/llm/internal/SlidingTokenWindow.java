package org.aibase.llm.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The tokens one plugin's calls consumed in the last {@link #LENGTH}: each call is counted at the
 * time it ended and leaves the window {@link #LENGTH} later. Thread-safe.
 */
final class SlidingTokenWindow {

    static final Duration LENGTH = Duration.ofHours(1);

    private record Spend(Instant at, long tokens) {
    }

    private final Deque<Spend> spends = new ArrayDeque<>();
    private long total;

    /** Counts a call that ended at {@code at}. */
    synchronized void add(Instant at, long tokens) {
        if (tokens > 0) {
            spends.addLast(new Spend(at, tokens));
            total += tokens;
        }
    }

    /** The tokens counted in the window ending now. */
    synchronized long total(Instant now) {
        evict(now);
        return total;
    }

    /** When the oldest counted call leaves the window, if any is counted. */
    synchronized Optional<Instant> oldestLeavesAt(Instant now) {
        evict(now);
        return Optional.ofNullable(spends.peekFirst()).map(s -> s.at().plus(LENGTH));
    }

    private void evict(Instant now) {
        Instant start = now.minus(LENGTH);
        while (!spends.isEmpty() && !spends.peekFirst().at().isAfter(start)) {
            total -= spends.removeFirst().tokens();
        }
    }
}
