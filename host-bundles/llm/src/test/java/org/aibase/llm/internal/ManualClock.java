package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when told; as a {@link Sleeper} it records each wait and advances by it. */
final class ManualClock extends Clock implements Sleeper {

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    final List<Duration> sleeps = new ArrayList<>();

    void advance(Duration d) {
        now = now.plus(d);
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        advance(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
