package org.aibase.rest.internal.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import reactor.core.publisher.Mono;

class OfferChangesTest {

    @Test
    void aChangeStuckOnASlowClientHoldsNeitherTheCallerNorTheOrderOfTheNext() throws InterruptedException {
        CountDownLatch clientTakesIt = new CountDownLatch(1);
        List<String> applied = new CopyOnWriteArrayList<>();
        List<Throwable> failed = new CopyOnWriteArrayList<>();
        try (OfferChanges changes = new OfferChanges(Duration.ofSeconds(5))) {
            long before = System.nanoTime();
            // as the SDK's addTool announcing list_changed to a client that does not take it
            changes.apply(() -> Mono.fromRunnable(() -> {
                await(clientTakesIt);
                applied.add("greet");
            }), failed::add);
            changes.apply(() -> Mono.fromRunnable(() -> applied.add("echo")), failed::add);
            changes.apply(() -> Mono.error(new IllegalStateException("no such tool")), failed::add);
            assertTrue(System.nanoTime() - before < TimeUnit.MILLISECONDS.toNanos(500),
                    "the framework's thread returns at once");
            Thread.sleep(100);
            assertEquals(List.of(), applied, "the next change waits for the one before");
            clientTakesIt.countDown();
        } // close: applies what was asked for before it ends
        assertEquals(List.of("greet", "echo"), applied);
        assertEquals(1, failed.size());
        assertEquals("no such tool", failed.get(0).getMessage());
    }

    @Test
    void changesAskedForAfterCloseAreDropped() {
        List<String> applied = new CopyOnWriteArrayList<>();
        OfferChanges changes = new OfferChanges(Duration.ofSeconds(1));
        changes.close();
        changes.apply(() -> Mono.fromRunnable(() -> applied.add("late")), e -> applied.add("failed"));
        assertEquals(List.of(), applied);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
