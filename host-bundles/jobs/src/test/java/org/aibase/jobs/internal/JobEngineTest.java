package org.aibase.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.PluginException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine on embedded Derby with real threads: limits, order, timeouts, cancellation, retries, recovery. */
class JobEngineTest {

    private static final EngineSettings FAST = new EngineSettings(Duration.ofMillis(200), Duration.ofMillis(600),
            Duration.ofMillis(50));

    @TempDir
    Path folder;

    private JobStore store;
    private final List<JobEngine> engines = new ArrayList<>();

    @BeforeEach
    void createStore() {
        store = new JobStore(Databases.derby(folder), Dialect.DERBY);
        store.createSchema();
    }

    @AfterEach
    void stopEngines() {
        engines.forEach(e -> e.close(Duration.ofSeconds(2)));
    }

    private JobEngine engine(String node) {
        JobEngine engine = new JobEngine(store, node, FAST, Clock.systemUTC());
        engines.add(engine);
        engine.start();
        return engine;
    }

    private static HandlerRegistration handler(String type, JobHandler handler, boolean idempotent, int attempts,
            int concurrency, Duration timeout) {
        return HandlerRegistration.of("alpha", handler, JobEngineTest.class.getClassLoader(),
                Map.of(JobHandler.TYPE, type, JobHandler.IDEMPOTENT, String.valueOf(idempotent),
                        JobHandler.ATTEMPTS, String.valueOf(attempts), JobHandler.BACKOFF, "50ms"),
                () -> new JobLimits(concurrency, timeout));
    }

    @Test
    void runsWithinTheConcurrencyLimitInSubmissionOrderWithProgress() throws Exception {
        JobEngine engine = engine("n1");
        AtomicInteger now = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        engine.register(handler("work", context -> {
            started.add(context.name());
            peak.accumulateAndGet(now.incrementAndGet(), Math::max);
            context.progress(0.5, "half way");
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            release.await();
            now.decrementAndGet();
            return "{\"name\":\"" + context.name() + "\",\"loader\":" + (loader == JobEngineTest.class.getClassLoader()) + "}";
        }, false, 1, 2, Duration.ofMinutes(1)));
        JobService jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ids.add(jobs.submit("work", "job" + i, "{\"i\":" + i + "}"));
        }
        await(() -> started.size() == 2);
        Thread.sleep(300);
        // the oldest two, claimed together: they may enter their handlers in either order
        assertEquals(List.of("job0", "job1"), started.stream().sorted().toList(), "two at a time, oldest first");
        assertEquals(4L, jobs.counts().get(JobStatus.PENDING));
        await(() -> jobs.get(ids.get(0)).orElseThrow().message().equals("half way"));
        assertEquals(0.5, jobs.get(ids.get(0)).orElseThrow().progress());
        release.countDown();
        await(() -> jobs.counts().get(JobStatus.COMPLETED) == 6);
        // claimed oldest first; two claimed together may enter their handlers in either order
        assertEquals(List.of("job0", "job1", "job2", "job3", "job4", "job5"), started.stream().sorted().toList());
        for (int i = 1; i < ids.size(); i++) {
            assertTrue(!jobs.get(ids.get(i)).orElseThrow().startedAt().orElseThrow()
                    .isBefore(jobs.get(ids.get(i - 1)).orElseThrow().startedAt().orElseThrow()), "job" + i + " started after job" + (i - 1));
        }
        assertEquals(2, peak.get());
        Job done = jobs.get(ids.get(3)).orElseThrow();
        assertEquals("{\"name\":\"job3\",\"loader\":true}", done.result().orElseThrow());
        assertEquals(1.0, done.progress());
        assertEquals("n1", done.node().orElseThrow());
    }

    /**
     * A handler's thread-locals (a library's per-thread cache of the plugin's own objects) must not
     * outlive its job: on a pooled thread they would keep an updated plugin's old class loader for as
     * long as the thread lives, which under a steady stream of jobs is for ever.
     */
    @Test
    void whatAJobLeavesOnItsThreadIsGoneForTheNextJob() throws Exception {
        JobEngine engine = engine("n1");
        ThreadLocal<String> left = new ThreadLocal<>();
        List<String> seen = new CopyOnWriteArrayList<>();
        engine.register(handler("tidy", context -> {
            seen.add(String.valueOf(left.get()));
            left.set(context.name());
            return null;
        }, false, 1, 1, Duration.ofMinutes(1)));
        JobService jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        for (int i = 0; i < 5; i++) { // one after another: an idle pooled thread would take each next one
            String id = jobs.submit("tidy", "job" + i, null);
            await(() -> jobs.get(id).orElseThrow().status() == JobStatus.COMPLETED);
        }
        assertEquals(List.of("null", "null", "null", "null", "null"), seen);
    }

    @Test
    void aJobPastItsTimeoutFailsAndItsThreadIsInterrupted() throws Exception {
        JobEngine engine = engine("n1");
        CountDownLatch interrupted = new CountDownLatch(1);
        engine.register(handler("slow", context -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
            return null;
        }, false, 1, 1, Duration.ofMillis(300)));
        String id = new PluginJobs(engine, "alpha", Clock.systemUTC()).submit("slow", "t", null);
        assertTrue(interrupted.await(10, TimeUnit.SECONDS));
        await(() -> store.find(id).orElseThrow().status() == JobStatus.FAILED);
        assertEquals("timed out after 300ms (limits.job_timeout)", store.find(id).orElseThrow().error().orElseThrow());
    }

    @Test
    void cancellingARunningJobInterruptsItAndRecordsCancelled() throws Exception {
        JobEngine engine = engine("n1");
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        engine.register(handler("slow", context -> {
            running.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return "\"finished anyway\"";
        }, false, 1, 1, Duration.ofMinutes(1)));
        PluginJobs jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        String id = jobs.submit("slow", "c", null);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        assertEquals(JobStatus.CANCELLED, jobs.cancel(id).status());
        assertTrue(interrupted.await(10, TimeUnit.SECONDS));
        Thread.sleep(200);
        Job job = jobs.get(id).orElseThrow();
        assertEquals(JobStatus.CANCELLED, job.status());
        assertTrue(job.result().isEmpty(), "the interrupted attempt's late result is not recorded");
        JobException conflict = assertThrows(JobException.class, () -> jobs.cancel(id));
        assertEquals(JobException.CONFLICT, conflict.code());
        jobs.delete(id);
        assertTrue(jobs.get(id).isEmpty());
    }

    @Test
    void failuresAreRetriedPerThePolicy() throws Exception {
        JobEngine engine = engine("n1");
        AtomicInteger calls = new AtomicInteger();
        engine.register(handler("flaky", context -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("flaked on attempt " + context.attempt());
            }
            return "{\"ok\":true}";
        }, false, 3, 1, Duration.ofMinutes(1)));
        engine.register(handler("broken", context -> {
            throw new PluginException("no_data", "the dataset has no rows (allowed: 1 to 1000)");
        }, false, 2, 1, Duration.ofMinutes(1)));
        PluginJobs jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        String flaky = jobs.submit("flaky", "f", null);
        String broken = jobs.submit("broken", "b", null);
        await(() -> jobs.get(flaky).orElseThrow().status() == JobStatus.COMPLETED
                && jobs.get(broken).orElseThrow().status() == JobStatus.FAILED);
        assertEquals(3, jobs.get(flaky).orElseThrow().attempts());
        Job failed = jobs.get(broken).orElseThrow();
        assertEquals(2, failed.attempts());
        assertEquals("the dataset has no rows (allowed: 1 to 1000)", failed.error().orElseThrow(), "the plugin's words to its users");
    }

    @Test
    void anUnexpectedFailureRecordsAnErrorIdNotItsInternals() throws Exception {
        JobEngine engine = engine("n1");
        engine.register(handler("insert", context -> {
            throw new IllegalStateException("Internal Exception: java.sql.SQLTransactionRollbackException: A lock could not be obtained"
                    + "\nCall: INSERT INTO ANALYTICS_RESULTS (AI_ANALYSIS, JOB_ID) VALUES (?, ?)");
        }, false, 1, 1, Duration.ofMinutes(1)));
        PluginJobs jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        String id = jobs.submit("insert", "i", null);
        await(() -> jobs.get(id).orElseThrow().status() == JobStatus.FAILED);

        String error = jobs.get(id).orElseThrow().error().orElseThrow();
        assertTrue(error.matches("failed unexpectedly; the server log has the details under error id [0-9a-f-]{36}"), error);
        assertFalse(error.contains("INSERT") || error.contains("Exception"), error);
    }

    @Test
    void afterACrashPendingJobsRunAndRunningOnesFollowTheRecoveryRule() throws Exception {
        // what a node killed mid-way leaves behind: two running attempts and a pending job
        String plain = store.insert("alpha", "plain", "p", "null", null, 1);
        String redo = store.insert("alpha", "redo", "r", "null", null, 2);
        String waiting = store.insert("alpha", "plain", "w", "null", null, 3);
        store.claim(plain, "n1", 10, 20, false, RetryPolicy.ONCE).orElseThrow();
        store.claim(redo, "n1", 10, 20, true, RetryPolicy.ONCE).orElseThrow();

        JobEngine restarted = engine("n1");
        restarted.register(handler("plain", context -> "\"plain done\"", false, 1, 2, Duration.ofMinutes(1)));
        restarted.register(handler("redo", context -> "\"redone\"", true, 1, 2, Duration.ofMinutes(1)));
        await(() -> store.find(waiting).orElseThrow().status() == JobStatus.COMPLETED
                && store.find(redo).orElseThrow().status() == JobStatus.COMPLETED);
        Job failed = store.find(plain).orElseThrow();
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("interrupted by restart of node n1", failed.error().orElseThrow());
        assertEquals(2, store.find(redo).orElseThrow().attempts(), "the idempotent job ran again");
    }

    @Test
    void aStoppingPluginsRunningJobsAreInterruptedAndRecovered() throws Exception {
        JobEngine engine = engine("n1");
        CountDownLatch running = new CountDownLatch(2);
        JobHandler blocking = context -> {
            running.countDown();
            Thread.sleep(30_000);
            return null;
        };
        HandlerRegistration plain = handler("plain", blocking, false, 1, 2, Duration.ofMinutes(1));
        HandlerRegistration redo = handler("redo", blocking, true, 1, 2, Duration.ofMinutes(1));
        engine.register(plain);
        engine.register(redo);
        PluginJobs jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        String p = jobs.submit("plain", "p", null);
        String r = jobs.submit("redo", "r", null);
        assertTrue(running.await(10, TimeUnit.SECONDS));
        engine.unregister(plain);
        engine.unregister(redo);
        await(() -> engine.runningCount() == 0);
        assertEquals(JobStatus.FAILED, store.find(p).orElseThrow().status());
        assertEquals("interrupted: plugin alpha stopped", store.find(p).orElseThrow().error().orElseThrow());
        assertEquals(JobStatus.PENDING, store.find(r).orElseThrow().status(), "runs again when the plugin is back");
    }

    @Test
    void twoNodesRunEachJobOnceAndRecoverADeadNodesJobs() throws Exception {
        Map<String, List<String>> runs = new ConcurrentHashMap<>();
        List<JobEngine> nodes = List.of(engine("n1"), engine("n2"));
        // a third node claimed one job and died: its lease expires and a live node runs it again. Claimed before
        // the live nodes can run "work", or one of them may take the job first and it never is an orphan
        String orphan = store.insert("alpha", "work", "orphan", "null", null, 0);
        assertTrue(store.claim(orphan, "n3", System.currentTimeMillis(), System.currentTimeMillis() + 300, true,
                RetryPolicy.ONCE).isPresent(), "n3 claims the job");
        for (JobEngine node : nodes) {
            node.register(handler("work", context -> {
                runs.computeIfAbsent(context.id(), k -> new CopyOnWriteArrayList<>()).add(context.node());
                Thread.sleep(5);
                return null;
            }, true, 1, 3, Duration.ofMinutes(1)));
        }
        PluginJobs jobs = new PluginJobs(nodes.get(0), "alpha", Clock.systemUTC());
        for (int i = 0; i < 60; i++) {
            jobs.submit("work", "w" + i, null);
        }
        await(() -> jobs.counts().get(JobStatus.COMPLETED) == 61);
        assertEquals(61, runs.size());
        runs.forEach((id, ranOn) -> assertEquals(1, ranOn.size(), id + " ran on " + ranOn));
        Set<String> used = new java.util.HashSet<>();
        runs.values().forEach(used::addAll);
        assertEquals(Set.of("n1", "n2"), used, "both nodes took work");
        Job recovered = store.find(orphan).orElseThrow();
        assertEquals(2, recovered.attempts());
        assertTrue(Set.of("n1", "n2").contains(recovered.node().orElseThrow()));
    }

    @Test
    void submissionsAreChecked() {
        JobEngine engine = engine("n1");
        engine.register(handler("work", context -> null, false, 1, 1, Duration.ofMinutes(1)));
        PluginJobs jobs = new PluginJobs(engine, "alpha", Clock.systemUTC());
        JobException large = assertThrows(JobException.class,
                () -> jobs.submit("work", "big", "\"" + "x".repeat(JobService.MAX_INPUT_BYTES) + "\""));
        assertEquals(JobException.INPUT_TOO_LARGE, large.code());
        assertTrue(large.getMessage().contains("at most 1048576 bytes (1 MB)"), large.getMessage());
        assertEquals(JobException.UNKNOWN_TYPE, assertThrows(JobException.class, () -> jobs.submit("nope", "", null)).code());
        assertEquals(JobException.INVALID, assertThrows(JobException.class, () -> jobs.submit("work", "", "{oops")).code());
        String id = jobs.submit("work", "", "[1,2]");
        assertEquals(Optional.empty(), new PluginJobs(engine, "beta", Clock.systemUTC()).get(id), "another plugin's job");
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
