package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The governor over the real runtime: plugin resource methods run on its threads; past their
 * timeout the client gets 503 at once while other plugins keep answering; an allocation past the
 * memory limit fails cleanly; work over the CPU limit waits; work deaf to its interrupt fails alone
 * and is counted as a runaway, its plugin serving on; usage and /metrics count all of it. The
 * analytics plugin refuses a 10 MB cell at ingest, naming the limit, without tripping any of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardGovernorIT {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path work;

    private RunningLauncher launcher;
    private GuardApi api;

    @BeforeAll
    void start() throws Exception {
        Path home = AnalyticsGolden.home(work, "governor");
        RunningLauncher.deploy(home, "hello.jar");
        MisbehavingPlugin strains = GovernedPlugins.strains();
        MisbehavingPlugin throttled = GovernedPlugins.throttled();
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", AnalyticsGolden.ADMIN);
        strains.writeInto(home.resolve("deploy"));
        throttled.writeInto(home.resolve("deploy"));
        api.awaitSettled(List.of(strains.fileName(), throttled.fileName()), Duration.ofSeconds(60))
                .forEach((file, record) -> assertEquals("active", record.path("state").asText(), record.toString()));
        Http.await(api.url("/strains/strain/thread"), api.key(), r -> r.statusCode() == 200, Duration.ofSeconds(30));
        Http.await(api.url("/throttled/cpu/quick"), api.key(), r -> r.statusCode() == 200, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void eachLimitStopsOnlyTheWorkThatBreaksIt() throws Exception {
        // resource methods run on the governor's threads, not Jetty's
        String thread = GuardApi.json(Http.get(api.url("/strains/strain/thread"), api.key()).body()).path("thread").asText();
        assertTrue(thread.startsWith("aibase-work-"), thread);
        assertEquals(204, Http.get(api.url("/strains/strain/nothing"), api.key()).statusCode(), "a void method");
        HttpResponse<String> path = Http.get(api.url("/strains/strain/path"), api.key());
        assertEquals(200, path.statusCode(), path.body());
        assertTrue(path.body().contains("strain/path"), "the request's @Context resolves on the governor's thread: " + path.body());

        // past limits.timeout: 503 at once, the work interrupted, hello unaffected meanwhile
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<String>> sleeping = sendAsync(api, "/strains/strain/sleep");
        assertEquals(200, Http.get(api.url("/hello/greeting?name=Ada"), api.key()).statusCode());
        HttpResponse<String> timedOut;
        try {
            timedOut = sleeping.get(15, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("no answer; runtime output:\n" + String.join("\n", launcher.output()), e);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(503, timedOut.statusCode(), timedOut.body());
        assertEquals("timeout", GuardApi.json(timedOut.body()).path("error").path("code").asText(), timedOut.body());
        assertTrue(millis < 5_000, "answered at the 1 s timeout, not when the 20 s sleep ended: " + millis + " ms");
        Http.await(api.url("/strains/strain/interrupted"), api.key(), r -> r.body().contains("\"interrupted\":true"),
                Duration.ofSeconds(10));

        // past limits.memory: a clean 503 naming the limit
        HttpResponse<String> hog = Http.get(api.url("/strains/strain/allocate"), api.key());
        assertEquals(503, hog.statusCode(), hog.body());
        JsonNode memory = GuardApi.json(hog.body()).path("error");
        assertEquals("memory_limit_exceeded", memory.path("code").asText(), hog.body());
        assertEquals(16L << 20, memory.path("details").path("limit_bytes").asLong(), hog.body());

        // over limits.cpu: new work waits until the 10 s average is back under the limit
        HttpResponse<String> burnt = Http.get(api.url("/throttled/cpu/burn"), api.key());
        assertEquals(200, burnt.statusCode(), burnt.body());
        long quickStart = System.nanoTime();
        CompletableFuture<HttpResponse<String>> quick = sendAsync(api, "/throttled/cpu/quick");
        Http.await(api.url("/plugins/throttled/usage"), api.key(),
                r -> GuardApi.json(r.body()).path("cpu_waits").asLong() >= 1, Duration.ofSeconds(5));
        HttpResponse<String> waited = quick.get(30, TimeUnit.SECONDS);
        assertEquals(200, waited.statusCode(), waited.body());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - quickStart) >= 1_000, "the cheap request waited");

        // work deaf to its interrupt: its request fails alone and counts as a runaway; one does not quarantine
        HttpResponse<String> spun = Http.get(api.url("/strains/strain/spin"), api.key());
        assertEquals(503, spun.statusCode(), spun.body());
        Http.await(api.url("/plugins/strains/usage"), api.key(),
                r -> GuardApi.json(r.body()).path("runaways").asLong() == 1, Duration.ofSeconds(30));
        assertEquals("active", api.usage("strains").path("state").asText());
        assertEquals(200, Http.get(api.url("/strains/strain/thread"), api.key()).statusCode(), "it serves on");
        assertEquals(200, Http.get(api.url("/hello/greeting?name=Ada"), api.key()).statusCode(), "others unaffected");
        assertEquals(200, Http.get(api.url("/health")).statusCode());

        // the meters saw all of it
        JsonNode usage = api.usage("strains");
        assertEquals(2, usage.path("timeouts").asLong(), usage.toString()); // sleep and spin
        assertEquals(1, usage.path("memory_exceeded").asLong(), usage.toString());
        assertEquals(1, usage.path("runaways").asLong(), usage.toString());
        assertTrue(usage.path("cpu_ms").asLong() > 0, usage.toString());
        assertTrue(usage.path("allocated_bytes").asLong() > 16L << 20, usage.toString());
        String metrics = Http.get(launcher.baseUrl() + "/metrics", api.key()).body();
        assertTrue(metrics.contains("aibase_plugin_timeouts_total{plugin=\"strains\"} 2"), metrics);
        assertTrue(metrics.contains("aibase_plugin_cpu_waits_total{plugin=\"throttled\"} 1"), metrics);
    }

    @Test
    void aTenMegabyteAnalyticsCellIsRefusedAtIngestNamingTheLimit() throws Exception {
        AnalyticsGolden.awaitServing(api.url(""));
        String csv = "id,notes\n1,short\n2," + "x".repeat(10 << 20) + "\n";

        HttpResponse<String> refused = Http.send("POST", api.url("/analytics/analyze?name=huge-cell"), AnalyticsGolden.USER,
                "text/csv", BodyPublishers.ofString(csv));

        assertEquals(413, refused.statusCode(), refused.body().substring(0, Math.min(500, refused.body().length())));
        JsonNode error = GuardApi.json(refused.body()).path("error");
        assertEquals("cell_too_large", error.path("code").asText(), refused.body());
        assertEquals("line 3, column 'notes'", error.path("details").path("field").asText(), refused.body());
        assertTrue(error.path("message").asText().contains("10485760 characters, more than max_cell_chars = 32768"),
                refused.body());
        HttpResponse<String> jobs = Http.get(api.url("/analytics/jobs"), AnalyticsGolden.USER);
        assertEquals(200, jobs.statusCode(), jobs.body());
        assertEquals(0, GuardApi.json(jobs.body()).path("total").asLong(), "nothing was queued");
        JsonNode usage = api.usage("analytics");
        assertEquals("active", usage.path("state").asText(), usage.toString());
        assertEquals(0, usage.path("memory_exceeded").asLong(), usage.toString());
        assertEquals(0, usage.path("runaways").asLong(), usage.toString());
    }

    private static CompletableFuture<HttpResponse<String>> sendAsync(GuardApi api, String path) {
        return CLIENT.sendAsync(HttpRequest.newBuilder(URI.create(api.url(path)))
                .header("Authorization", "Bearer " + api.key()).timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
