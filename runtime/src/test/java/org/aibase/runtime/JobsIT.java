package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable jobs in the running launcher: a plugin with {@code jobs} and {@code http} submits jobs that
 * its handlers run; progress reaches a real HTTP client as server-sent events; the platform API lists
 * and guards them; and after a {@code kill -9} mid-way no record is lost.
 */
class JobsIT {

    static final String USER = "user-key-for-the-jobs-test-0123456789";
    static final String ADMIN = "admin-key-for-the-jobs-test-0123456789";
    /** A user who submitted none of the jobs. */
    static final String STRANGER = "stranger-key-for-the-jobs-test-012345";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    @Test
    void progressArrivesAsServerSentEventsAndTheApiListsAndGuardsJobs() throws Exception {
        Path home = home(work, "sse");
        deploy(home, JobTestPlugins.build(work, "worker", "limits: {jobs: 2}"));
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitActive(api, "worker");

            String id = submit(api, "worker", "slow", 1, 5, 300).get(0);
            List<String[]> events = CompletableFuture.supplyAsync(() -> events(api + "/jobs/" + id + "/events"))
                    .get(60, TimeUnit.SECONDS);
            List<String> names = events.stream().map(e -> e[0]).toList();
            assertEquals("completed", names.get(names.size() - 1), names.toString());
            List<Double> progress = new ArrayList<>();
            for (String[] event : events) {
                if (event[0].equals("progress")) {
                    progress.add(JSON.readTree(event[1]).path("progress").asDouble());
                }
            }
            assertTrue(progress.size() >= 3, "progress events as the handler steps: " + names);
            for (int i = 1; i < progress.size(); i++) {
                assertTrue(progress.get(i) >= progress.get(i - 1), "progress never goes back: " + progress);
            }
            JsonNode last = JSON.readTree(events.get(events.size() - 1)[1]);
            assertEquals(5, last.path("result").path("steps").asInt(), last.toString());
            assertEquals(1.0, last.path("progress").asDouble());

            JsonNode job = json(Http.get(api + "/jobs/" + id, USER));
            assertEquals("completed", job.path("status").asText());
            assertEquals("worker", job.path("plugin").asText());
            assertEquals(5, job.path("input").path("steps").asInt(), "input is embedded as JSON");
            assertEquals(Files.readString(home.resolve("data/node-id")).strip(), job.path("node").asText());
            // a user reads the jobs submitted for it (here through the plugin's endpoint); another user's are not there
            assertEquals(404, Http.get(api + "/jobs/" + id, STRANGER).statusCode());
            assertEquals(404, Http.get(api + "/jobs/" + id + "/events", STRANGER).statusCode());
            assertEquals(0, json(Http.get(api + "/jobs?plugin=worker", STRANGER)).path("total").asInt());
            assertEquals("completed", json(Http.get(api + "/jobs/" + id, ADMIN)).path("status").asText());

            submit(api, "worker", "redo", 3, 1, 10);
            JsonNode page = json(Http.await(api + "/jobs?plugin=worker&limit=2", USER,
                    r -> r.statusCode() == 200 && r.body().contains("\"total\":4"), Duration.ofSeconds(10)));
            assertEquals(4, page.path("total").asInt(), page.toString());
            assertEquals(2, page.path("items").size(), "the page, with the real total");
            assertEquals(1, json(Http.get(api + "/jobs?plugin=worker&type=slow&status=completed", USER)).path("total").asInt());

            HttpResponse<String> badStatus = Http.get(api + "/jobs?status=done", USER);
            assertEquals(400, badStatus.statusCode(), badStatus.body());
            assertEquals("status", json(badStatus).path("error").path("details").path("parameter").asText());
            assertTrue(json(badStatus).path("error").path("message").asText()
                    .contains("allowed: pending, running, completed, failed, cancelled"), badStatus.body());
            HttpResponse<String> badLimit = Http.get(api + "/jobs?limit=0", USER);
            assertEquals(400, badLimit.statusCode());
            assertEquals("limit", json(badLimit).path("error").path("details").path("parameter").asText());
            HttpResponse<String> unknown = Http.get(api + "/jobs/no-such-job", USER);
            assertEquals(404, unknown.statusCode());
            assertEquals("not_found", json(unknown).path("error").path("code").asText());
            assertEquals(404, Http.get(api + "/jobs/no-such-job/events", USER).statusCode());
            assertEquals(401, Http.get(api + "/jobs").statusCode(), "the same authentication as the rest of the API");

            assertEquals(403, Http.send("DELETE", api + "/jobs/" + id, USER, null, null).statusCode(), "users only read");
            assertEquals(204, Http.send("DELETE", api + "/jobs/" + id, ADMIN, null, null).statusCode());
            assertEquals(404, Http.get(api + "/jobs/" + id, USER).statusCode());

            String running = submit(api, "worker", "slow", 1, 100, 100).get(0);
            Http.await(api + "/jobs/" + running, USER, r -> r.body().contains("\"running\""), Duration.ofSeconds(10));
            HttpResponse<String> cancelled = Http.send("DELETE", api + "/jobs/" + running, ADMIN, null, null);
            assertEquals(200, cancelled.statusCode(), cancelled.body());
            assertEquals("cancelled", json(cancelled).path("status").asText());

            HttpResponse<String> tooLarge = Http.send("POST", api + "/worker/submit?type=slow&pad=" + (1 << 20), USER, null, null);
            assertEquals(413, tooLarge.statusCode(), tooLarge.body());
            assertTrue(tooLarge.body().contains("at most 1048576 bytes (1 MB)"), tooLarge.body());
        }
    }

    @Test
    void afterKillMinus9EveryRecordIsThereAndPendingJobsComplete() throws Exception {
        Path home = home(work, "crash");
        deploy(home, JobTestPlugins.build(work, "worker", "limits: {jobs: 3}"));
        List<String> ids = new ArrayList<>();
        Map<String, String> types = new HashMap<>();
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitActive(api, "worker");
            for (int i = 0; i < 25; i++) {
                for (String type : List.of("slow", "redo")) {
                    String id = submit(api, "worker", type, 1, 4, 150).get(0);
                    ids.add(id);
                    types.put(id, type);
                }
            }
            // kill once some jobs completed and others are running
            Http.await(api + "/jobs?plugin=worker&status=completed", USER,
                    r -> r.statusCode() == 200 && json(r).path("total").asInt() >= 6, Duration.ofSeconds(60));
            assertTrue(json(Http.get(api + "/jobs?plugin=worker&status=running", USER)).path("total").asInt() > 0);
            launcher.process().destroyForcibly(); // SIGKILL: no shutdown hook, no recovery before dying
            assertTrue(launcher.process().waitFor(30, TimeUnit.SECONDS));
        }
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            HttpResponse<String> settled = Http.await(api + "/jobs?plugin=worker&status=pending,running", USER,
                    r -> r.statusCode() == 200 && json(r).path("total").asInt() == 0, Duration.ofSeconds(120));
            assertEquals(0, json(settled).path("total").asInt(), settled.body());

            int interrupted = 0;
            for (String id : ids) {
                JsonNode job = json(Http.get(api + "/jobs/" + id, USER));
                String status = job.path("status").asText();
                if (types.get(id).equals("redo")) {
                    assertEquals("completed", status, "an idempotent job always completes: " + job);
                } else if (status.equals("failed")) {
                    assertTrue(job.path("error").asText().startsWith("interrupted by restart"), job.toString());
                    assertEquals(1, job.path("attempts").asInt(), job.toString());
                    interrupted++;
                } else {
                    assertEquals("completed", status, job.toString());
                    assertEquals(1, job.path("attempts").asInt(), "a non-idempotent job never runs twice: " + job);
                }
            }
            JsonNode all = json(Http.get(api + "/jobs?plugin=worker&limit=100", USER));
            assertEquals(50, all.path("total").asInt(), "no record lost");
            int reran = 0;
            for (JsonNode job : all.path("items")) {
                reran += job.path("attempts").asInt() > 1 ? 1 : 0;
            }
            assertTrue(interrupted + reran > 0, "some jobs were running at the kill and followed the recovery rule");
            System.out.println("crash test: " + interrupted + " non-idempotent jobs failed as interrupted, " + reran
                    + " idempotent jobs ran again");
        }
    }

    static Path home(Path work, String name) throws IOException {
        Path home = Files.createDirectories(work.resolve("home-" + name));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "," + STRANGER + "\n");
        return home;
    }

    static void deploy(Path home, Path jar) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
    }

    /** Submits through the plugin's endpoint; the ids. */
    static List<String> submit(String api, String plugin, String type, int count, int steps, int ms) throws Exception {
        HttpResponse<String> answer = Http.send("POST", api + "/" + plugin + "/submit?type=" + type + "&count=" + count
                + "&steps=" + steps + "&ms=" + ms, USER, null, null);
        assertEquals(200, answer.statusCode(), answer.body());
        List<String> ids = new ArrayList<>();
        json(answer).path("ids").forEach(id -> ids.add(id.asText()));
        return ids;
    }

    /** Reads a server-sent event stream to its end: each event's name and data. */
    static List<String[]> events(String url) {
        try {
            HttpResponse<Stream<String>> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + USER).header("Accept", "text/event-stream").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertEquals(200, response.statusCode());
            List<String[]> events = new ArrayList<>();
            String[] current = {"message", ""};
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.startsWith("event:")) {
                    current[0] = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    current[1] += line.substring(5).strip();
                } else if (line.isEmpty() && !current[1].isEmpty()) {
                    events.add(current);
                    current = new String[] {"message", ""};
                }
            }
            return events;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the plugin's endpoint answers (the plugin is active and its resource served). */
    static void awaitActive(String api, String plugin) throws Exception {
        HttpResponse<String> answer = Http.await(api + "/plugins/" + plugin, ADMIN,
                r -> r.statusCode() == 200 && r.body().contains("\"active\""), Duration.ofSeconds(60));
        assertTrue(answer.body().contains("\"active\""), answer.body());
        // the resource is registered asynchronously after the plugin is active
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int status = Http.send("POST", api + "/" + plugin + "/submit?type=none", USER, null, null).statusCode();
            if (status == 422) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(plugin + "'s endpoint is not served");
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
