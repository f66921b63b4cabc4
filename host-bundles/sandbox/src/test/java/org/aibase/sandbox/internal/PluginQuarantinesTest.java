package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.QuarantineKeeper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The policy's component: runaways from the governor and operators' words become the keeper's quarantines and lifts. */
class PluginQuarantinesTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final Duration LIFT = Duration.ofMinutes(15);

    private final MovableClock clock = new MovableClock(T0);
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final Keeper keeper = new Keeper();
    private final java.util.concurrent.atomic.AtomicReference<QuarantineKeeper> running =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final PluginQuarantines quarantines = new PluginQuarantines(
            new QuarantineRules(3, Duration.ofMinutes(10), Duration.ofMinutes(2), LIFT), clock, nanos::get, 10, running::get);

    @AfterEach
    void stop() {
        quarantines.deactivate();
    }

    @Test
    void threeRunawaysQuarantineThroughTheKeeperAndTheQuarantineLiftsAtItsTime() throws Exception {
        running.set(keeper);
        quarantines.runaway(ended("GET /api/v1/x/a"));
        quarantines.runaway(ended("GET /api/v1/x/b"));
        Thread.sleep(100);
        assertTrue(keeper.inForce.isEmpty(), "two runaways are two failed requests, not a quarantine");

        quarantines.runaway(ended("GET /api/v1/x/c"));
        await(() -> keeper.inForce.containsKey("x"));
        Quarantine quarantine = keeper.inForce.get("x");
        assertTrue(quarantine.reason().startsWith("GET /api/v1/x/c ignored its interrupt"), quarantine.reason());
        assertEquals(Optional.of(T0.plus(LIFT)), quarantine.liftsAt());

        clock.move(LIFT.minusSeconds(1));
        Thread.sleep(100);
        assertTrue(keeper.lifted.isEmpty(), "not before its time");
        clock.move(Duration.ofSeconds(1));
        await(() -> keeper.lifted.contains(quarantine));
    }

    @Test
    void aQuarantineKeptAcrossARestartAndDueMeanwhileIsLiftedAtTheFirstLook() throws Exception {
        Quarantine due = new Quarantine("x", "earlier", T0.minus(Duration.ofHours(2)), Optional.of(T0.minus(Duration.ofHours(1))));
        Quarantine pinned = new Quarantine("y", "quarantined by an operator", T0.minus(Duration.ofHours(2)), Optional.empty());
        keeper.inForce.put("x", due);
        keeper.inForce.put("y", pinned);

        running.set(keeper);

        await(() -> keeper.lifted.contains(due));
        Thread.sleep(100);
        assertEquals(List.of(due), keeper.lifted, "a pinned quarantine stays");
    }

    @Test
    void workThatWillNotStopQuarantinesAtOnceAndItsLiftWaitsUntilItEnds() throws Exception {
        running.set(keeper);
        AtomicBoolean running = new AtomicBoolean(true);
        quarantines.runaway(work("task 'spin'", nanos.get(), running::get));
        Thread.sleep(100);
        assertTrue(keeper.inForce.isEmpty());

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        await(() -> keeper.inForce.containsKey("x"));
        assertTrue(keeper.inForce.get("x").reason().startsWith("task 'spin' would not stop: still running 2 min after it was stopped"),
                keeper.inForce.get("x").reason());

        clock.move(LIFT.plusMinutes(1));
        Thread.sleep(100);
        assertTrue(keeper.lifted.isEmpty(), "its thread still runs");
        running.set(false);
        await(() -> keeper.lifted.size() == 1);
    }

    @Test
    void anOperatorsPinnedQuarantineIsKeptAndNotLifted() throws Exception {
        running.set(keeper);

        Quarantine pinned = quarantines.quarantine("x", Optional.of("audit"), true);

        assertEquals(pinned, keeper.inForce.get("x"));
        assertEquals("quarantined by an operator: audit", pinned.reason());
        clock.move(Duration.ofDays(30));
        Thread.sleep(100);
        assertTrue(keeper.lifted.isEmpty());

        Quarantine unpinned = quarantines.quarantine("x", Optional.empty(), false);
        assertEquals(pinned.since(), unpinned.since());
        assertEquals(Optional.of(T0.plus(Duration.ofDays(30)).plus(LIFT)), unpinned.liftsAt());
    }

    @Test
    void withoutAKeeperAnOperatorIsToldWhy() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> quarantines.quarantine("x", Optional.empty(), true));
        assertTrue(e.getMessage().contains("the deployer is not running"), e.getMessage());
    }

    @Test
    void itsConfigurationIsChecked() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PluginQuarantines(null, TestConfigurations.sandbox(Map.of("quarantine_runaways", -1))));
        assertTrue(e.getMessage().contains("org.aibase.sandbox: quarantine.runaways must be at least 1"), e.getMessage());
    }

    private StoppedWork ended(String name) {
        return work(name, nanos.get(), () -> false);
    }

    private static StoppedWork work(String name, long stoppedAt, BooleanSupplier running) {
        return new StoppedWork("x", name, name + " ignored its interrupt: still running 5001 ms after it was stopped",
                stoppedAt, running);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 5 s");
            }
            Thread.sleep(10);
        }
    }

    /** Keeps quarantines in memory, as the deployer keeps them in its marks. */
    private static final class Keeper implements QuarantineKeeper {
        final Map<String, Quarantine> inForce = new ConcurrentHashMap<>();
        final List<Quarantine> lifted = new CopyOnWriteArrayList<>();

        @Override
        public void quarantine(Quarantine quarantine) {
            inForce.put(quarantine.pluginId(), quarantine);
        }

        @Override
        public void lift(Quarantine quarantine) {
            if (inForce.remove(quarantine.pluginId(), quarantine)) {
                lifted.add(quarantine);
            }
        }

        @Override
        public Optional<Quarantine> quarantine(String pluginId) {
            return Optional.ofNullable(inForce.get(pluginId));
        }

        @Override
        public List<Quarantine> quarantines() {
            return List.copyOf(inForce.values());
        }
    }

    private static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
