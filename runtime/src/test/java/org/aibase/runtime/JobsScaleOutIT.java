package org.aibase.runtime;

import static org.aibase.runtime.JobsIT.USER;
import static org.aibase.runtime.JobsIT.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two runtimes (two homes, two ports) on one real PostgreSQL: every job runs exactly once, on one
 * node; when one node is killed with jobs running, the other recovers them once their lease expires.
 */
class JobsScaleOutIT {

    private static final Pattern RAN = Pattern.compile("JOB-RAN (\\S+) (\\S+) (\\d+)");

    @TempDir
    Path work;

    @Test
    void twoNodesShareTheJobsAndOneRecoversTheOthersAfterAKill() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path homeA = node("a", url);
            Path homeB = node("b", url);
            try (RunningLauncher a = RunningLauncher.ready(homeA); RunningLauncher b = RunningLauncher.ready(homeB)) {
                String apiA = a.baseUrl() + "/api/v1";
                String apiB = b.baseUrl() + "/api/v1";
                JobsIT.awaitActive(apiA, "worker");
                JobsIT.awaitActive(apiB, "worker");
                String nodeA = Files.readString(homeA.resolve("data/node-id")).strip();
                String nodeB = Files.readString(homeB.resolve("data/node-id")).strip();

                List<String> ids = new ArrayList<>(JobsIT.submit(apiA, "worker", "slow", 100, 2, 40));
                HttpAwait.total(apiB + "/jobs?plugin=worker&status=completed", 100, Duration.ofSeconds(120));

                Map<String, List<String>> ranOn = runs(a, b);
                for (String id : ids) {
                    assertEquals(1, ranOn.getOrDefault(id, List.of()).size(), id + " ran on " + ranOn.get(id));
                    JsonNode job = json(Http.get(apiB + "/jobs/" + id, USER));
                    assertEquals("completed", job.path("status").asText());
                    assertEquals(1, job.path("attempts").asInt());
                    assertEquals(ranOn.get(id).get(0), job.path("node").asText(), "the record names the node that ran it");
                }
                long onA = ids.stream().filter(id -> ranOn.get(id).get(0).equals(nodeA)).count();
                long onB = ids.stream().filter(id -> ranOn.get(id).get(0).equals(nodeB)).count();
                assertTrue(onA > 0 && onB > 0, "both nodes took work: " + onA + " on " + nodeA + ", " + onB + " on " + nodeB);
                System.out.println("scale-out: " + onA + " jobs ran on " + nodeA + ", " + onB + " on " + nodeB);

                // long jobs on both nodes; then B dies with some running
                List<String> slow = new ArrayList<>();
                List<String> redo = new ArrayList<>();
                for (int i = 0; i < 6; i++) { // interleaved, so each node gets both kinds
                    slow.addAll(JobsIT.submit(apiA, "worker", "slow", 1, 40, 250));
                    redo.addAll(JobsIT.submit(apiA, "worker", "redo", 1, 40, 250));
                }
                HttpAwait.total(apiA + "/jobs?plugin=worker&status=running", 6, Duration.ofSeconds(30));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (runningOn(apiA, nodeB) == 0 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertTrue(runningOn(apiA, nodeB) > 0, "node B runs some of the long jobs");
                b.process().destroyForcibly();
                assertTrue(b.process().waitFor(30, TimeUnit.SECONDS));

                HttpAwait.total(apiA + "/jobs?plugin=worker&status=pending,running", 0, Duration.ofSeconds(180));
                int recoveredRedo = 0;
                int failedSlow = 0;
                for (String id : redo) {
                    JsonNode job = json(Http.get(apiA + "/jobs/" + id, USER));
                    assertEquals("completed", job.path("status").asText(), job.toString());
                    if (job.path("attempts").asInt() > 1) {
                        assertEquals(nodeA, job.path("node").asText(), "A ran the recovered attempt");
                        recoveredRedo++;
                    }
                }
                for (String id : slow) {
                    JsonNode job = json(Http.get(apiA + "/jobs/" + id, USER));
                    if (job.path("status").asText().equals("failed")) {
                        assertEquals("interrupted by restart: node " + nodeB + " stopped renewing its lease",
                                job.path("error").asText());
                        failedSlow++;
                    } else {
                        assertEquals("completed", job.path("status").asText(), job.toString());
                    }
                }
                assertTrue(recoveredRedo + failedSlow > 0, "B's running jobs were recovered by A");
                Map<String, List<String>> after = runs(a, b);
                for (String id : slow) {
                    assertEquals(1, after.get(id).size(), "a non-idempotent job never runs twice: " + after.get(id));
                }
                System.out.println("scale-out recovery: " + recoveredRedo + " idempotent jobs re-run on " + nodeA + ", "
                        + failedSlow + " others failed as interrupted");
            }
        }
    }

    private Path node(String name, String url) throws Exception {
        Path home = JobsIT.home(work, name);
        Files.writeString(home.resolve("config/org.aibase.persistence.cfg"),
                "type=postgresql\nurl=" + url + "\nuser=postgres\npassword=postgres\n");
        Files.writeString(home.resolve("config/org.aibase.jobs.cfg"),
                "lease.renewal.seconds=1\nlease.expiry.seconds=3\npoll.interval.millis=200\n");
        JobsIT.deploy(home, JobTestPlugins.build(work.resolve("plugin-" + name), "worker", "limits: {jobs: 3}"));
        return home;
    }

    /** Which nodes ran each job, from the handlers' own lines in both outputs. */
    private static Map<String, List<String>> runs(RunningLauncher... launchers) {
        Map<String, List<String>> ranOn = new HashMap<>();
        for (RunningLauncher launcher : launchers) {
            for (String line : launcher.output()) {
                Matcher m = RAN.matcher(line);
                if (m.find()) {
                    ranOn.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
                }
            }
        }
        return ranOn;
    }

    private static int runningOn(String api, String node) throws Exception {
        int count = 0;
        for (JsonNode job : json(Http.get(api + "/jobs?plugin=worker&status=running", USER)).path("items")) {
            count += job.path("node").asText().equals(node) ? 1 : 0;
        }
        return count;
    }

    /** Polls a job listing until its total is reached. */
    private static final class HttpAwait {
        static void total(String url, int total, Duration timeout) throws Exception {
            var answer = Http.await(url, USER, r -> r.statusCode() == 200 && json(r).path("total").asInt() == total, timeout);
            assertEquals(total, json(answer).path("total").asInt(), url + ": " + answer.body());
        }
    }
}
