package org.aibase.jobs.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobStatus;
import org.junit.jupiter.api.Test;

/** What the store must do on every database: the subclasses give it one. */
abstract class JobStoreContract {

    private static final RetryPolicy ONCE = RetryPolicy.ONCE;

    abstract JobStore store();

    @Test
    void storesListsWithTheRealTotalAndCountsByStatus() {
        JobStore store = store();
        for (int i = 0; i < 7; i++) {
            store.insert("alpha", i % 2 == 0 ? "report" : "export", "job " + i, "{\"n\":" + i + "}", null, 1000 + i);
        }
        store.insert("beta", "report", "other", "null", null, 2000);

        JobPage page = store.list(Optional.of("alpha"), Optional.empty(), Optional.empty(), Set.of(), 2, 3);
        assertEquals(7, page.total());
        assertEquals(List.of("job 4", "job 3", "job 2"), page.items().stream().map(Job::name).toList(), "newest first");
        assertEquals(4, store.list(Optional.of("alpha"), Optional.of("report"), Optional.empty(), Set.of(), 0, 50).total());

        String first = store.pending("alpha", List.of("report", "export"), 5000, 1).get(0).id();
        assertEquals("job 0", store.find(first).orElseThrow().name(), "pending jobs are claimed in submission order");
        assertTrue(store.claim(first, "n1", 5000, 6000, false, ONCE).isPresent());
        JobPage running = store.list(Optional.empty(), Optional.empty(), Optional.empty(), Set.of(JobStatus.RUNNING), 0, 10);
        assertEquals(1, running.total());
        assertEquals("n1", running.items().get(0).node().orElseThrow());

        Map<JobStatus, Long> alpha = store.countsByPlugin(Optional.empty()).get("alpha");
        assertEquals(6L, alpha.get(JobStatus.PENDING));
        assertEquals(1L, alpha.get(JobStatus.RUNNING));
        assertEquals(0L, alpha.get(JobStatus.FAILED));
        assertEquals(Set.of("alpha"), store.countsByPlugin(Optional.of("alpha")).keySet());
    }

    @Test
    void largeInputsAndResultsRoundTrip() {
        JobStore store = store();
        String input = "\"" + "x".repeat(900_000) + "\"";
        String id = store.insert("alpha", "report", "big", input, null, 1);
        ClaimedJob claimed = store.claim(id, "n1", 2, 3, false, ONCE).orElseThrow();
        assertEquals(input, claimed.job().input());
        assertTrue(store.complete(id, 1, "{\"rows\":" + "[1,2,3]" + "}", 4));
        Job done = store.find(id).orElseThrow();
        assertEquals(JobStatus.COMPLETED, done.status());
        assertEquals("{\"rows\":[1,2,3]}", done.result().orElseThrow());
        assertEquals(1.0, done.progress());
    }

    @Test
    void twoClaimersNeverGetTheSameJob() throws Exception {
        JobStore store = store();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ids.add(store.insert("alpha", "report", "j" + i, "null", null, i));
        }
        Map<String, String> owner = new ConcurrentHashMap<>();
        List<String> doubles = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService claimers = Executors.newFixedThreadPool(4);
        for (String node : List.of("n1", "n2", "n3", "n4")) {
            claimers.execute(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (String id : ids) {
                    store.claim(id, node, 1, 2, false, ONCE).ifPresent(c -> {
                        if (owner.putIfAbsent(id, node) != null) {
                            doubles.add(id);
                        }
                    });
                }
            });
        }
        start.countDown();
        claimers.shutdown();
        assertTrue(claimers.awaitTermination(2, TimeUnit.MINUTES));
        assertEquals(List.of(), doubles, "jobs claimed twice");
        assertEquals(200, owner.size(), "every job claimed once");
        for (String id : ids) {
            Job job = store.find(id).orElseThrow();
            assertEquals(1, job.attempts());
            assertEquals(owner.get(id), job.node().orElseThrow(), "the record names the claimer");
        }
    }

    @Test
    void aJobIsFoundForItsSubmitterOnlyAndTheSchemaCanBeCreatedAgain() {
        JobStore store = store();
        String mine = store.insert("alpha", "report", "mine", "null", "key:aaaa", 1);
        String nobodys = store.insert("alpha", "report", "nobody's", "null", null, 2);
        assertEquals(mine, store.findSubmittedBy(mine, "key:aaaa").orElseThrow().id());
        assertEquals(Optional.empty(), store.findSubmittedBy(mine, "key:bbbb"));
        assertEquals(Optional.empty(), store.findSubmittedBy(nobodys, "key:aaaa"));
        assertTrue(store.find(nobodys).isPresent());
        assertEquals(List.of(mine), store.list(Optional.empty(), Optional.empty(), Optional.of("key:aaaa"), Set.of(), 0, 10)
                .items().stream().map(Job::id).toList());
        store.createSchema(); // a second start (or an older table): the added column is skipped, not an error
        assertEquals(mine, store.findSubmittedBy(mine, "key:aaaa").orElseThrow().id());
    }

    @Test
    void onlyTheCurrentAttemptRecordsItsOutcome() {
        JobStore store = store();
        String id = store.insert("alpha", "report", "guarded", "null", null, 1);
        ClaimedJob first = store.claim(id, "n1", 2, 3, true, ONCE).orElseThrow();
        assertEquals(1, first.attempt());
        // n1 stops renewing; another node recovers the idempotent job and runs it again
        assertEquals(List.of(new RunningJob(id, "alpha", "n1", 1, true)), store.expiredLeases("n2", 10));
        assertTrue(store.recover(store.expiredLeases("n2", 10).get(0), "interrupted by restart", 10));
        ClaimedJob second = store.claim(id, "n2", 11, 40, true, ONCE).orElseThrow();
        assertEquals(2, second.attempt());

        assertFalse(store.complete(id, 1, "\"late\"", 12), "the first attempt is no longer current");
        assertFalse(store.progress(id, 1, 0.5, "late"));
        assertTrue(store.progress(id, 2, 0.5, "half"));
        assertTrue(store.complete(id, 2, "\"mine\"", 13));
        assertFalse(store.fail(id, 2, "again", 14), "a finished job stays finished");
        Job job = store.find(id).orElseThrow();
        assertEquals("\"mine\"", job.result().orElseThrow());
        assertEquals("n2", job.node().orElseThrow());
        assertEquals(2, job.attempts());
    }

    @Test
    void recoveryFailsWhatIsNotIdempotentAndLeasesKeepJobsAlive() {
        JobStore store = store();
        String plain = store.insert("alpha", "report", "plain", "null", null, 1);
        String redo = store.insert("alpha", "report", "redo", "null", null, 1);
        store.claim(plain, "n1", 2, 100, false, ONCE).orElseThrow();
        store.claim(redo, "n1", 2, 100, true, new RetryPolicy(3, Duration.ofSeconds(2))).orElseThrow();
        assertEquals(List.of(), store.expiredLeases("n2", 50), "leases still valid");
        assertEquals(2, store.renewLeases("n1", 200));
        assertEquals(List.of(), store.expiredLeases("n2", 150), "renewed");
        assertEquals(List.of(), store.expiredLeases("n1", 250), "a node's own jobs are recovered by the restart rule");
        for (RunningJob job : store.runningOn("n1")) {
            assertTrue(store.recover(job, "interrupted by restart", 300));
            assertFalse(store.recover(job, "interrupted by restart", 300), "recovery applies once");
        }
        Job failed = store.find(plain).orElseThrow();
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("interrupted by restart", failed.error().orElseThrow());
        assertEquals(JobStatus.PENDING, store.find(redo).orElseThrow().status());
        assertEquals(Set.of(plain), store.notRunning(List.of(plain)));
    }

    @Test
    void cancelAndDeleteRespectTheStatus() {
        JobStore store = store();
        String id = store.insert("alpha", "report", "c", "null", null, 1);
        assertFalse(store.delete(id), "a pending job is not deleted");
        assertTrue(store.cancel(id, 2));
        assertFalse(store.cancel(id, 3));
        assertTrue(store.claim(id, "n1", 4, 5, false, ONCE).isEmpty(), "a cancelled job is never claimed");
        assertEquals(JobStatus.CANCELLED, store.find(id).orElseThrow().status());
        assertTrue(store.delete(id));
        assertTrue(store.find(id).isEmpty());
    }

    @Test
    void retriesWaitForTheirBackoff() {
        JobStore store = store();
        String id = store.insert("alpha", "report", "r", "null", null, 1);
        store.claim(id, "n1", 2, 100, false, new RetryPolicy(2, Duration.ofSeconds(5))).orElseThrow();
        assertTrue(store.retry(id, 1, "attempt 1 failed: boom", 5000));
        assertEquals(List.of(), store.pending("alpha", List.of("report"), 4999, 5));
        assertEquals(1, store.pending("alpha", List.of("report"), 5000, 5).size());
        assertEquals(List.of(), store.pending("alpha", List.of("export"), 5000, 5), "only types with a handler");
    }
}
