package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP host's promises over the real runtime, tried the way a busy production system tries
 * them: plugins replaced, stopped, started and removed while clients call them and their
 * neighbours, and nobody notices but by the answer's new text.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHostIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int CLIENTS = 16;

    @TempDir
    static Path home;

    @TempDir
    static Path builds;

    private RunningLauncher launcher;
    private String base;
    private String key;
    private GuardApi api;
    private Path deploy;
    private Path hello;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        deploy = home.resolve("deploy");
        hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        for (String id : List.of("neighbour", "leaving")) {
            Files.copy(PluginJars.withId(hello, builds.resolve(id + ".jar"), id), deploy.resolve(id + ".jar"));
        }
        MisbehavingPlugins.readsCredentials("v1").writeInto(deploy);
        launcher = RunningLauncher.ready(home);
        base = launcher.baseUrl() + "/api/v1";
        key = launcher.credential("admin.api.key");
        api = new GuardApi(base, key);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            assertEquals(0, launcher.terminate(Duration.ofSeconds(20)), "stops cleanly");
            launcher.close();
        }
    }

    @Test
    void helloAnswersEveryRequestWhileItIsReplacedTenTimes() throws Exception {
        Path howdy = PluginJars.release(hello, builds.resolve("hello-howdy.jar"), "1.0.1",
                Map.of("messages.properties", "greeting=Howdy, {0}!\n"));
        Path hi = PluginJars.release(hello, builds.resolve("hello-hi.jar"), "1.0.2",
                Map.of("messages.properties", "greeting=Hi, {0}!\n"));
        int linesBefore = launcher.output().size();
        try (LoadLoop load = LoadLoop.start(CLIENTS, base + "/hello/greeting?name=Ada", key)) {
            assertTrue(load.awaitBody("Hello, Ada!", WAIT), load.summary());
            for (int update = 0; update < 10; update++) {
                boolean even = update % 2 == 0;
                PluginJars.dropInto(deploy, "hello.jar", even ? howdy : hi);
                String expected = even ? "Howdy, Ada!" : "Hi, Ada!";
                assertTrue(load.awaitBody(expected, WAIT), "update " + (update + 1) + " answers: " + load.summary());
            }
            load.close();
            assertEquals(0, load.failed(), load.summary());
            assertTrue(load.bodies().containsAll(Set.of("{\"message\":\"Hello, Ada!\"}", "{\"message\":\"Howdy, Ada!\"}",
                    "{\"message\":\"Hi, Ada!\"}")), "every version answered: " + load.bodies());
            assertTrue(load.requests() > 100, load.summary());
        }
        // no request that met a changing plugin left a trace: no error of the host, no plugin class built by Jersey
        List<String> during = launcher.outputSince(linesBefore);
        assertFalse(during.stream().anyMatch(line -> line.startsWith("\tat org.aibase.") || line.contains("Unexpected error")
                || line.contains("suitable constructor") || line.contains("changing")),
                "no request failed while hello changed:\n" + String.join("\n", during));
    }

    @Test
    void helloNeverNoticesItsNeighbourStoppedStartedUpdatedAndRemoved() throws Exception {
        Path neighbourV2 = PluginJars.release(builds.resolve("neighbour.jar"), builds.resolve("neighbour-2.jar"), "1.0.1",
                Map.of("messages.properties", "greeting=Ahoy, {0}!\n"));
        try (LoadLoop load = LoadLoop.start(CLIENTS, base + "/hello/greeting?name=Ada", key)) {
            assertTrue(load.awaitBody("Ada", WAIT), load.summary());
            for (int round = 0; round < 3; round++) {
                assertEquals(200, post("/plugins/neighbour/stop").statusCode());
                HttpResponse<String> started = post("/plugins/neighbour/start");
                assertEquals("active", GuardApi.json(started.body()).path("state").asText(), started.body());
            }
            PluginJars.dropInto(deploy, "neighbour.jar", neighbourV2);
            Http.await(base + "/neighbour/greeting?name=Ada", key, r -> r.body().contains("Ahoy"), WAIT);
            Files.delete(deploy.resolve("neighbour.jar"));
            Http.await(base + "/neighbour/greeting", key, r -> r.statusCode() == 404, WAIT);
            PluginJars.dropInto(deploy, "neighbour.jar", builds.resolve("neighbour.jar"));
            Http.await(base + "/neighbour/greeting", key, r -> r.statusCode() == 200, WAIT);
            load.close();
            assertEquals(Map.of(200, load.requests()), load.statuses(), load.summary());
        }
    }

    @Test
    void aPluginThatBlocksInItsActivationHoldsUpNoOtherPlugin() throws Exception {
        MisbehavingPlugins.activatesSlowly(10).writeInto(deploy);
        launcher.awaitLine(Pattern.compile("Deployed sluggish\\.jar"), WAIT); // started: its endpoint is being activated
        Thread.sleep(200);
        Path brisk = PluginJars.withId(hello, builds.resolve("brisk.jar"), "brisk");
        long dropped = System.nanoTime();
        PluginJars.dropInto(deploy, "brisk.jar", brisk);
        HttpResponse<String> first = Http.await(base + "/brisk/greeting", key, r -> r.statusCode() == 200, WAIT);
        long millis = (System.nanoTime() - dropped) / 1_000_000;
        assertTrue(millis < 5_000, "brisk answered " + millis + " ms after it was dropped, while sluggish still "
                + "activates: " + first.body());
        assertEquals(200, Http.get(base + "/hello/greeting", key).statusCode());
        // the slow one is served once its constructor returns
        HttpResponse<String> awake = Http.await(base + "/sluggish/nap", key, r -> r.statusCode() == 200, WAIT);
        assertEquals("awake", awake.body());
    }

    @Test
    void aRemovedPluginAnswers404InJsonAndNothingInBetweenIsA500() throws Exception {
        try (LoadLoop load = LoadLoop.start(CLIENTS, base + "/leaving/greeting?name=Ada", key)) {
            assertTrue(load.awaitBody("Ada", WAIT), load.summary());
            Files.delete(deploy.resolve("leaving.jar"));
            Http.await(base + "/leaving/greeting", key, r -> r.statusCode() == 404, WAIT);
            Thread.sleep(200); // a few more answers after the removal
            load.close();
            assertTrue(Set.of(200, 503, 404).containsAll(load.statuses().keySet()), load.summary());
            assertTrue(load.statuses().getOrDefault(404, 0) > 0, load.summary());
            for (String failure : load.failures()) {
                assertTrue(failure.matches("(503|404) \\{\"error\":\\{\"code\":\"[a-z_]+\",\"message\":.*"), failure);
            }
        }
        HttpResponse<String> gone = Http.get(base + "/leaving/greeting", key);
        assertEquals("not_found", GuardApi.json(gone.body()).path("error").path("code").asText(), gone.body());
    }

    @Test
    void anUploadedPluginAnswersRightAfterItsCreatedAnswer() throws Exception {
        Path fresh = PluginJars.withId(hello, builds.resolve("fresh.jar"), "fresh");
        HttpResponse<String> created = Http.send("POST", base + "/plugins?file=fresh.jar", key, "application/java-archive",
                BodyPublishers.ofFile(fresh));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("active", GuardApi.json(created.body()).path("state").asText(), created.body());
        HttpResponse<String> first = Http.get(base + "/fresh/greeting?name=Ada", key);
        assertEquals(200, first.statusCode(), "the first call after 201: " + first.body());
    }

    @Test
    void aStartedPluginAnswersRightAfterItsStartAnswer() throws Exception {
        assertEquals(200, post("/plugins/hello/stop").statusCode());
        HttpResponse<String> stopped = Http.get(base + "/hello/greeting", key);
        assertEquals(503, stopped.statusCode(), stopped.body());
        JsonNode error = GuardApi.json(stopped.body()).path("error");
        assertEquals("stopped", error.path("details").path("state").asText(), stopped.body());
        HttpResponse<String> started = post("/plugins/hello/start");
        assertEquals("active", GuardApi.json(started.body()).path("state").asText(), started.body());
        assertEquals(200, Http.get(base + "/hello/greeting", key).statusCode());
    }

    @Test
    void aPluginSeesWhoCallsButNeverTheKeyOrTheSession() throws Exception {
        HttpResponse<String> seen = Http.send("GET", base + "/reads_credentials/whoami", key, null, null,
                "Cookie", "theme=dark; aibase_session=stolen-session", "X-CSRF-Token", "stolen-token");
        assertEquals(200, seen.statusCode(), seen.body());
        assertEquals("authorization=null;csrf=null;cookie=theme=dark;principal=admin;admin=true;user=true;scheme=Bearer",
                seen.body());
    }

    @Test
    void aPluginReadsNoCredentialInItsRequestsProperties() throws Exception {
        // the gatekeeper parses the cookies to look for a session, and Jetty keeps what it parsed as an attribute
        HttpResponse<String> seen = Http.send("GET", base + "/reads_credentials/properties", key, null, null,
                "Cookie", "theme=dark; aibase_session=stolen-session", "X-CSRF-Token", "stolen-token");
        assertEquals(200, seen.statusCode(), seen.body());
        assertTrue(seen.body().contains("set.by.the.plugin=its own"), "its own properties, and only those: " + seen.body());
        for (String secret : List.of("stolen-session", "stolen-token", key)) {
            assertFalse(seen.body().contains(secret), "a credential among its properties: " + seen.body());
        }
        assertFalse(seen.body().contains("org.eclipse.jetty"), "the server's own attributes: " + seen.body());
    }

    @Test
    void aPluginCannotSetOrClearTheConsolesSessionCookie() throws Exception {
        HttpResponse<String> planted = Http.get(base + "/reads_credentials/plant", key);
        assertEquals(200, planted.statusCode(), planted.body());
        List<String> cookies = planted.headers().allValues("Set-Cookie");
        assertTrue(cookies.stream().anyMatch(cookie -> cookie.startsWith("theme=light")), "its own cookie passes: " + cookies);
        assertTrue(cookies.stream().noneMatch(cookie -> cookie.strip().startsWith("aibase_session")),
                "never the platform's session cookie: " + cookies);
    }

    @Test
    void aRequestInFlightWhileItsPluginIsReplacedIsServedWhollyByTheOldVersion() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = CompletableFuture.supplyAsync(() -> {
            try {
                return Http.get(base + "/reads_credentials/slow", key);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300); // in flight
        MisbehavingPlugins.readsCredentials("v2").writeInto(deploy);
        HttpResponse<String> answer = slow.get();
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("slow answer of v1", answer.body());
        HttpResponse<String> after = Http.await(base + "/reads_credentials/slow", key,
                r -> r.body().contains("v2"), WAIT);
        assertEquals("slow answer of v2", after.body());
    }

    @Test
    void anAnonymousCallerLearnsNothingOfWhatExists() throws Exception {
        assertEquals(401, Http.get(base + "/no_such_plugin/x").statusCode());
        assertEquals(401, Http.get(base + "/hello/greeting").statusCode());
        HttpResponse<String> missing = Http.get(base + "/no_such_plugin/x", key);
        assertEquals(404, missing.statusCode());
        assertEquals("not_found", GuardApi.json(missing.body()).path("error").path("code").asText(), missing.body());
        HttpResponse<String> noPath = Http.get(base + "/hello/no/such/path", key);
        assertEquals(404, noPath.statusCode());
        assertTrue(noPath.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), noPath.body());
    }

    @Test
    void aPluginsPageIsServedFromItsUiFolderAndNothingElseOfItsJar() throws Exception {
        HttpResponse<String> page = Http.get(base + "/reads_credentials/ui/", key);
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("page of v"), page.body());
        assertEquals("text/html;charset=utf-8", page.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("default-src 'self'"));
        HttpResponse<String> script = Http.get(base + "/reads_credentials/ui/app.js", key);
        assertEquals("text/javascript;charset=utf-8", script.headers().firstValue("Content-Type").orElse("").replace(" ", ""));
        for (String outside : List.of("/ui/../plugin.yaml", "/ui/%2e%2e/plugin.yaml", "/ui/..%2fplugin.yaml",
                "/ui/missing.js", "/plugin.yaml")) {
            HttpResponse<String> refused = Http.get(base + "/reads_credentials" + outside, key);
            assertTrue(refused.statusCode() == 400 || refused.statusCode() == 404, outside + ": " + refused.statusCode());
            assertFalse(refused.body().contains("permissions"), outside + " showed the descriptor: " + refused.body());
        }
    }

    private HttpResponse<String> post(String path) throws Exception {
        return Http.send("POST", base + path, key, null, null);
    }
}
