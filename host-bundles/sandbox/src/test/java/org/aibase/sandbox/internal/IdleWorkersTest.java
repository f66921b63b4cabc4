package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** Work handed to lingering threads: each piece reaches exactly one thread, or the caller hears that none took it. */
class IdleWorkersTest {

    @Test
    void nothingIsHandedOverWhenNoThreadLingers() {
        IdleWorkers<String> idle = new IdleWorkers<>(Duration.ofSeconds(5));

        assertFalse(idle.handOver("unit"));
    }

    @Test
    void aLingeringThreadTakesWhatIsHandedOver() throws Exception {
        IdleWorkers<String> idle = new IdleWorkers<>(Duration.ofSeconds(5));
        CompletableFuture<String> taken = CompletableFuture.supplyAsync(idle::linger);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        boolean handed = false;
        while (!handed && System.nanoTime() < deadline) {
            handed = idle.handOver("unit"); // false until the thread lingers
        }

        assertTrue(handed);
        assertEquals("unit", taken.get(5, TimeUnit.SECONDS));
    }

    @Test
    void aThreadStopsLingeringAfterItsTimeAndTakesNothingMore() {
        IdleWorkers<String> idle = new IdleWorkers<>(Duration.ofMillis(20));

        long started = System.nanoTime();
        assertNull(idle.linger());

        assertTrue(System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(20));
        assertFalse(idle.handOver("unit"));
    }

    @Test
    void aLingerOfZeroReturnsAtOnce() {
        IdleWorkers<String> idle = new IdleWorkers<>(Duration.ZERO);

        assertNull(idle.linger());
        assertFalse(idle.handOver("unit"));
    }

    @Test
    void underContentionEveryPieceHandedOverIsTakenExactlyOnce() throws Exception {
        IdleWorkers<Integer> idle = new IdleWorkers<>(Duration.ofNanos(TimeUnit.MICROSECONDS.toNanos(30)));
        Set<Integer> handed = ConcurrentHashMap.newKeySet();
        Set<Integer> taken = ConcurrentHashMap.newKeySet();
        AtomicInteger duplicates = new AtomicInteger();
        AtomicBoolean producing = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            threads.add(started(() -> {
                // lingering often ends with nothing: a 30 us linger against hand-overs that come and go. A piece
                // handed over is in the mailbox of a thread inside linger(), which returns it: none is left behind
                while (producing.get()) {
                    Integer piece = idle.linger();
                    if (piece != null && !taken.add(piece)) {
                        duplicates.incrementAndGet();
                    }
                }
            }));
        }
        AtomicInteger next = new AtomicInteger();
        List<Thread> producers = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            producers.add(started(() -> {
                // 50,000 tries, and on a machine too busy for 1,000 hand-overs in them, more (at most 2 million)
                for (int n = 0; n < 50_000 || handed.size() <= 1_000 && n < 2_000_000; n++) {
                    int piece = next.incrementAndGet();
                    if (idle.handOver(piece)) {
                        handed.add(piece);
                    }
                    if (n % 64 == 0) {
                        Thread.yield();
                    }
                }
            }));
        }
        for (Thread producer : producers) {
            producer.join();
        }
        producing.set(false);
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        assertTrue(handed.size() > 1_000, "too few hand-overs to mean anything: " + handed.size());
        assertEquals(0, duplicates.get());
        assertEquals(handed, taken);
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work);
        thread.start();
        return thread;
    }
}
