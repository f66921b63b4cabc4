package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** A plugin's executors: bounded, named for the plugin, not reconfigurable by it, stopped with it. */
class GovernedExecutorsTest {

    @Test
    void runsAtMostConcurrencyTasksOnNamedThreadsAndInterruptsThemOnClose() throws Exception {
        GovernedExecutors executors = new GovernedExecutors("demo", 2, PluginThreads.of("demo", null), accounting("demo"));
        ExecutorService executor = executors.executor();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        AtomicInteger interrupted = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(2);
        for (int i = 0; i < 5; i++) {
            executor.execute(() -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                assertTrue(Thread.currentThread().getName().startsWith("aibase-demo-"));
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    interrupted.incrementAndGet();
                } finally {
                    running.decrementAndGet();
                }
            });
        }
        assertTrue(started.await(5, TimeUnit.SECONDS));
        assertFalse(executor instanceof ThreadPoolExecutor, "the plugin cannot raise its own bounds");

        executors.close();

        assertEquals(2, most.get());
        assertEquals(2, interrupted.get());
        assertTrue(executor.isShutdown());
        assertThrows(IllegalStateException.class, executors::scheduler);
    }

    @Test
    void theSchedulerRunsDelayedWork() throws Exception {
        GovernedExecutors executors = new GovernedExecutors("tick", 1, PluginThreads.of("tick", null), accounting("tick"));
        try {
            assertEquals("aibase-tick-1",
                    executors.scheduler().schedule(() -> Thread.currentThread().getName(), 10, TimeUnit.MILLISECONDS).get(5, TimeUnit.SECONDS));
        } finally {
            executors.close();
        }
    }

    private static AccountedWork accounting(String pluginId) {
        PluginGovernor governor = new PluginGovernor(4, java.time.Duration.ofSeconds(5));
        return new AccountedWork(governor, PluginGovernorTest.unit(pluginId, "", org.aibase.sandbox.WorkUnit.Kind.BACKGROUND));
    }
}
