package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.GovernorException.Reason;
import org.aibase.sandbox.WorkUnit;
import org.aibase.validator.DescriptorReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The governor on real threads: each limit stops the work that breaks it and only that work. */
class PluginGovernorTest {

    private final List<StoppedWork> runaways = new CopyOnWriteArrayList<>();
    private final PluginGovernor governor = new PluginGovernor(PlatformDefaults.BUILT_IN, 16, PluginGovernor.LINGER,
            Duration.ofMillis(300), runaways::add);

    @AfterEach
    void stop() {
        governor.deactivate();
    }

    @Test
    void runsWorkOnAGovernorThreadAndCountsItsCpu() throws Exception {
        String caller = Thread.currentThread().getName();
        String thread = governor.submit(unit("calc", "limits: {timeout: 5s}", WorkUnit.Kind.REQUEST), () -> {
            long sum = 0;
            for (int i = 0; i < 5_000_000; i++) {
                sum += i % 7;
            }
            return sum > 0 ? Thread.currentThread().getName() : "";
        }).get(5, TimeUnit.SECONDS);

        assertTrue(thread.startsWith("aibase-work-"), thread);
        assertTrue(!thread.equals(caller));
        assertTrue(governor.load("calc").cpuNanos() > 0);
        assertEquals(0, governor.load("calc").running());
    }

    @Test
    void workPastItsTimeoutFailsAtOnceAndIsInterrupted() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch ended = new CountDownLatch(1);
        long start = System.nanoTime();
        CompletableFuture<String> result = governor.submit(unit("slow", "limits: {timeout: 200ms}", WorkUnit.Kind.REQUEST), () -> {
            try {
                Thread.sleep(30_000);
                return "woke";
            } catch (InterruptedException e) {
                interrupted.set(true);
                throw e;
            } finally {
                ended.countDown();
            }
        });

        GovernorException failure = failure(result);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(Reason.TIMEOUT, failure.reason());
        assertTrue(failure.getMessage().contains("200 ms"), failure.getMessage());
        assertTrue(millis < 2_000, "answered after " + millis + " ms");
        assertTrue(ended.await(2, TimeUnit.SECONDS));
        assertTrue(interrupted.get());
        assertEquals(1, governor.load("slow").timeouts());
        assertTrue(runaways.isEmpty());
    }

    @Test
    void workThatIgnoresItsInterruptIsReportedAsARunaway() throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        try {
            CompletableFuture<String> result = governor.submit(unit("loop", "limits: {timeout: 100ms}", WorkUnit.Kind.REQUEST), () -> {
                while (!stop.get()) {
                    Thread.onSpinWait(); // ignores interrupts on purpose
                }
                return "stopped";
            });
            assertEquals(Reason.TIMEOUT, failure(result).reason());
            long deadline = System.currentTimeMillis() + 5_000;
            while (runaways.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(1, runaways.size(), runaways.toString());
            StoppedWork runaway = runaways.get(0);
            assertEquals("loop", runaway.pluginId());
            assertEquals("work of loop", runaway.name());
            assertTrue(runaway.description().startsWith("work of loop ignored its interrupt"), runaway.description());
            assertTrue(runaway.running().getAsBoolean(), "its thread still runs it");
            assertEquals(1, governor.load("loop").runaways());
        } finally {
            stop.set(true);
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while (runaways.get(0).running().getAsBoolean() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(!runaways.get(0).running().getAsBoolean(), "the policy sees it end");
    }

    @Test
    void workAllocatingPastItsMemoryLimitIsStopped() throws Exception {
        CompletableFuture<Integer> result = governor.submit(unit("hog", "limits: {memory: 16MB, timeout: 20s}", WorkUnit.Kind.REQUEST), () -> {
            List<byte[]> kept = new ArrayList<>();
            while (!Thread.currentThread().isInterrupted()) {
                kept.add(new byte[64 * 1024]);
                if (kept.size() > 200) {
                    kept.clear(); // stays small on the heap; the allocations still count
                }
            }
            return kept.size();
        });

        GovernorException failure = failure(result);
        assertEquals(Reason.MEMORY_LIMIT, failure.reason());
        assertEquals(16L << 20, failure.details().get("limit_bytes"));
        assertTrue(((Long) failure.details().get("allocated_bytes")) > 16L << 20);
        assertEquals(1, governor.load("hog").memoryExceeded());
    }

    @Test
    void workOverTheConcurrencyLimitWaitsBrieflyThenIsRefused() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkUnit unit = unit("busy", "limits: {concurrency: 1, timeout: 10s}", WorkUnit.Kind.REQUEST);
        CompletableFuture<Boolean> first = governor.submit(unit, () -> release.await(10, TimeUnit.SECONDS));

        GovernorException refused = failure(governor.submit(unit, () -> true));
        release.countDown();

        assertEquals(Reason.TOO_MANY_REQUESTS, refused.reason());
        assertEquals(1, refused.details().get("limit"));
        assertTrue(first.get(5, TimeUnit.SECONDS));
        assertEquals(1, governor.load("busy").rejections());
        assertTrue(governor.submit(unit, () -> true).get(5, TimeUnit.SECONDS), "the slot came back");
    }

    @Test
    void workOverTheConcurrencyLimitWaitsInLineWithoutHoldingTheCallersThreadAndTakesTheNextSlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkUnit unit = unit("queued", "limits: {concurrency: 1, timeout: 10s}", WorkUnit.Kind.REQUEST);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<Boolean> first = governor.submit(unit, () -> order.add("first") && release.await(10, TimeUnit.SECONDS));

        long submitting = System.nanoTime();
        CompletableFuture<Boolean> second = governor.submit(unit, () -> order.add("second"));
        CompletableFuture<Boolean> third = governor.submit(unit, () -> order.add("third"));
        long submitMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitting);
        assertTrue(submitMillis < PluginGovernor.SLOT_WAIT_MILLIS, "submitting waited " + submitMillis + " ms");
        assertTrue(!second.isDone() && !third.isDone(), "both wait for the one slot");
        release.countDown();

        assertTrue(first.get(5, TimeUnit.SECONDS) && second.get(5, TimeUnit.SECONDS) && third.get(5, TimeUnit.SECONDS));
        assertEquals(List.of("first", "second", "third"), order, "handed the slot in the order they came");
        assertEquals(2, governor.load("queued").slotWaits());
        assertEquals(0, governor.load("queued").rejections());
        assertEquals(0, governor.load("queued").running());
    }

    @Test
    void workWaitingInLineRunsOnTheThreadWhoseWorkGaveItTheSlot() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        WorkUnit unit = unit("handed", "limits: {concurrency: 1, timeout: 10s}", WorkUnit.Kind.REQUEST);
        CompletableFuture<Thread> first = governor.submit(unit, () -> {
            release.await(10, TimeUnit.SECONDS);
            return Thread.currentThread();
        });
        CompletableFuture<Thread> second = governor.submit(unit, Thread::currentThread);
        CompletableFuture<Thread> third = governor.submit(unit, Thread::currentThread);
        release.countDown();

        Thread ran = first.get(5, TimeUnit.SECONDS);
        assertEquals(ran, second.get(5, TimeUnit.SECONDS), "no other thread woken for the second");
        assertEquals(ran, third.get(5, TimeUnit.SECONDS), "nor for the third");
        assertEquals(0, governor.load("handed").running());
    }

    @Test
    void workWaitingInLineDoesNotWaitForATaskResultGoingToASlowClient() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        String limits = "limits: {concurrency: 1, timeout: 10s}";
        CompletableFuture<Boolean> task = governor.submit(unit("mixed", limits, WorkUnit.Kind.TASK),
                () -> release.await(10, TimeUnit.SECONDS));
        // the task's caller writes its result on the completing thread, to a client that reads slowly
        task.thenRun(() -> sleep(3_000));
        CompletableFuture<Boolean> request = governor.submit(unit("mixed", limits, WorkUnit.Kind.REQUEST), () -> true);
        long released = System.nanoTime();
        release.countDown();

        assertTrue(request.get(5, TimeUnit.SECONDS));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - released);
        assertTrue(millis < 1_500, "the request waited " + millis + " ms for the task's slow caller");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void workThatStartsWorkAndWaitsForItIsNotMadeToWaitForItself() throws Exception {
        WorkUnit unit = unit("nested", "limits: {concurrency: 2, timeout: 10s}", WorkUnit.Kind.REQUEST);
        String inner = governor.submit(unit, () -> governor.submit(unit, () -> "inner").get(5, TimeUnit.SECONDS))
                .get(10, TimeUnit.SECONDS);

        assertEquals("inner", inner);
        assertEquals(0, governor.load("nested").timeouts());
    }

    @Test
    void manyCallersOverTheConcurrencyLimitNeverRunMoreThanItAtOnce() throws Exception {
        WorkUnit unit = unit("crowded", "limits: {concurrency: 3, timeout: 10s}", WorkUnit.Kind.REQUEST);
        java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        List<CompletableFuture<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            calls.add(governor.submit(unit, () -> {
                most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                Thread.sleep(1);
                inside.decrementAndGet();
                return true;
            }));
        }
        int served = 0;
        int refused = 0;
        for (CompletableFuture<Boolean> call : calls) {
            try {
                served += call.get(10, TimeUnit.SECONDS) ? 1 : 0;
            } catch (ExecutionException e) {
                assertEquals(Reason.TOO_MANY_REQUESTS, ((GovernorException) e.getCause()).reason());
                refused++;
            }
        }
        assertEquals(200, served + refused);
        assertTrue(most.get() <= 3, "at most 3 at once, not " + most.get());
        assertEquals(refused, governor.load("crowded").rejections());
        assertTrue(governor.submit(unit, () -> true).get(5, TimeUnit.SECONDS), "every slot came back");
        assertEquals(0, governor.load("crowded").running());
    }

    @Test
    void newWorkWaitsWhileThePluginIsOverItsCpuLimit() throws Exception {
        WorkUnit unit = unit("burner", "limits: {cpu: 0.02, timeout: 30s}", WorkUnit.Kind.REQUEST);
        // 0.02 cores over 10 s is 200 ms of CPU: burn more than that
        governor.submit(unit, () -> burn(400)).get(10, TimeUnit.SECONDS);

        CompletableFuture<Boolean> next = governor.submit(unit, () -> true);
        Thread.sleep(300);

        assertTrue(!next.isDone(), "the next request waits");
        assertEquals(1, governor.load("burner").waitingForCpu());
        assertEquals(1, governor.load("burner").cpuWaits());
        assertTrue(governor.load("burner").cpuCores() > 0.02);
        next.cancel(false);
    }

    @Test
    void workWaitingForCpuPastItsTimeoutFails() throws Exception {
        // the same plugin: the burn with room to finish, then a request with a short timeout
        WorkUnit burner = unit("starved", "limits: {cpu: 0.02, timeout: 30s}", WorkUnit.Kind.REQUEST);
        WorkUnit impatient = unit("starved", "limits: {cpu: 0.02, timeout: 500ms}", WorkUnit.Kind.REQUEST);
        governor.submit(burner, () -> burn(300)).get(10, TimeUnit.SECONDS);

        GovernorException failure = failure(governor.submit(impatient, () -> true));

        assertEquals(Reason.TIMEOUT, failure.reason());
        assertTrue(failure.getMessage().contains("CPU"), failure.getMessage());
    }

    @Test
    void backgroundWorkIsAccountedOnItsOwnThread() throws Exception {
        try (Governor.Accounted accounted = governor.account(unit("bg", "", WorkUnit.Kind.BACKGROUND))) {
            burn(50);
        }
        assertTrue(governor.load("bg").cpuNanos() > 0);
        assertEquals(0, governor.load("bg").running());
    }

    @Test
    void afterARenewalNoWorkRunsOnAThreadThatRanTheOldCode() throws Exception {
        // room for more threads than the test uses: a retired thread's replacement may not be waiting for work yet
        // when the next unit comes, which then starts a thread of its own
        PluginGovernor fewThreads = new PluginGovernor(PlatformDefaults.BUILT_IN, 4, PluginGovernor.LINGER,
                Duration.ofMillis(300), runaways::add);
        ThreadLocal<String> cache = new ThreadLocal<>(); // as a plugin's library keeps one
        WorkUnit unit = unit("cache", "limits: {timeout: 5s}", WorkUnit.Kind.REQUEST);
        try {
            Thread idle = fewThreads.submit(unit, () -> {
                cache.set("the old code's");
                return Thread.currentThread();
            }).get(5, TimeUnit.SECONDS);
            CountDownLatch running = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            fewThreads.renewWorkThreads();
            idle.join(5_000);
            assertFalse(idle.isAlive(), "an idle thread ends at the renewal");


            CompletableFuture<Thread> busy = fewThreads.submit(unit, () -> {
                cache.set("the old code's");
                running.countDown();
                release.await();
                return Thread.currentThread();
            });
            assertTrue(running.await(5, TimeUnit.SECONDS));
            fewThreads.renewWorkThreads();
            release.countDown();
            Thread renewed = busy.get(5, TimeUnit.SECONDS);
            renewed.join(5_000);
            assertFalse(renewed.isAlive(), "a busy thread ends after its work");

            String[] next = fewThreads.submit(unit, () -> new String[] {Thread.currentThread().getName(), cache.get()})
                    .get(5, TimeUnit.SECONDS);
            assertNotEquals(renewed.getName(), next[0]);
            assertNull(next[1]);
        } finally {
            fewThreads.deactivate();
        }
    }

    /** Uses this much CPU time (not wall time: a busy machine must not make it burn less). */
    private static long burn(long cpuMillis) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long end = threads.getCurrentThreadCpuTime() + TimeUnit.MILLISECONDS.toNanos(cpuMillis);
        long sum = 0;
        while (threads.getCurrentThreadCpuTime() < end) {
            for (int i = 0; i < 10_000; i++) {
                sum += i % 3;
            }
        }
        return sum;
    }

    private static GovernorException failure(CompletableFuture<?> result) throws Exception {
        try {
            result.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return assertInstanceOf(GovernorException.class, e.getCause());
        }
        throw new AssertionError("the work was not stopped");
    }

    static WorkUnit unit(String id, String yaml, WorkUnit.Kind kind) {
        return new WorkUnit(descriptor(id, yaml), kind, "work of " + id, null);
    }

    static PluginDescriptor descriptor(String id, String yaml) {
        return new DescriptorReader()
                .read(new ByteArrayInputStream(("id: " + id + "\nversion: 1.0.0\n" + yaml).getBytes(StandardCharsets.UTF_8)))
                .descriptor().orElseThrow();
    }
}
