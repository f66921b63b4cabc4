package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An operator's plugin configuration outlives what happens to the plugin and the runtime: a
 * replaced JAR, a clean restart, and a {@code kill -9}. The plugin answers with the operator's
 * values each time, not only what {@code GET /config} shows. The steps build on each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginConfigurationIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    @TempDir
    static Path builds;

    private RunningLauncher launcher;
    private String key;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        key = launcher.credential("admin.api.key");
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(20));
            launcher.close();
        }
    }

    @Test
    @Order(1)
    void anUpdateTakesEffectAtOnce() throws Exception {
        assertEquals("{\"message\":\"Hello, world!\"}", greeting().body());

        HttpResponse<String> put = Http.send("PUT", api("/plugins/hello/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"audience\":\"Grace\"}"));

        assertEquals(200, put.statusCode(), put.body());
        awaitGreeting("Hello, Grace!");
    }

    @Test
    @Order(2)
    void aReplacedJarStartsWithTheOperatorsValues() throws Exception {
        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        Path howdy = PluginJars.release(hello, builds.resolve("hello-howdy.jar"), "1.0.1",
                Map.of("messages.properties", "greeting=Howdy, {0}!\n"));

        PluginJars.dropInto(home.resolve("deploy"), "hello.jar", howdy);

        // the new version's text with the operator's audience, never the default's
        HttpResponse<String> answer = Http.await(api("/hello/greeting"), key, r -> r.body().contains("Howdy"), WAIT);
        assertEquals("{\"message\":\"Howdy, Grace!\"}", answer.body());
    }

    @Test
    @Order(3)
    void aRestartKeepsThem() throws Exception {
        assertEquals(0, launcher.terminate(Duration.ofSeconds(20)), "stops cleanly");
        launcher.close();

        launcher = RunningLauncher.ready(home);

        assertEquals("{\"message\":\"Howdy, Grace!\"}", greeting().body());
        assertEquals("Grace", GuardApi.json(Http.get(api("/plugins/hello/config"), key).body()).path("audience").asText());
    }

    @Test
    @Order(4)
    void aKilledRuntimeKeepsTheLastUpdate() throws Exception {
        HttpResponse<String> put = Http.send("PUT", api("/plugins/hello/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"audience\":\"Ada\"}"));
        assertEquals(200, put.statusCode(), put.body());
        awaitGreeting("Howdy, Ada!");

        launcher.process().destroyForcibly().waitFor();
        launcher.close();
        launcher = RunningLauncher.ready(home);

        assertEquals("{\"message\":\"Howdy, Ada!\"}", greeting().body());
    }

    @Test
    @Order(5)
    void aRemovedValueFallsBackToTheDefaultAndStaysThere() throws Exception {
        HttpResponse<String> put = Http.send("PUT", api("/plugins/hello/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"audience\":null}"));
        assertEquals(200, put.statusCode(), put.body());
        assertTrue(put.body().contains("\"audience\":\"world\""), put.body());
        awaitGreeting("Howdy, world!");

        assertEquals(0, launcher.terminate(Duration.ofSeconds(20)), "stops cleanly");
        launcher.close();
        launcher = RunningLauncher.ready(home);

        assertEquals("{\"message\":\"Howdy, world!\"}", greeting().body());
    }

    @Test
    @Order(6)
    void aValueThePluginFailsToStartWithIsRolledBackAndTheStateSaysSo() throws Exception {
        MisbehavingPlugin picky = MisbehavingPlugins.refusesZeroOnActivation();
        picky.writeInto(home.resolve("deploy"));
        HttpResponse<String> first = Http.await(api("/picky/share"), key, r -> r.statusCode() == 200, WAIT);
        assertEquals("50", first.body(), "the default divisor 2");
        HttpResponse<String> four = Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"divisor\":4}"));
        assertEquals(200, four.statusCode(), four.body());
        assertEquals("25", Http.await(api("/picky/share"), key, r -> "25".equals(r.body()), WAIT).body());

        HttpResponse<String> outside = Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"divisor\":11}"));
        assertEquals(422, outside.statusCode(), outside.body());
        JsonNode refusal = GuardApi.json(outside.body()).path("error");
        assertEquals("invalid", refusal.path("code").asText());
        assertEquals("divisor", refusal.path("details").path("field").asText());
        assertEquals("plugin 'picky': 'divisor' must be from 0 to 10, not 11", refusal.path("message").asText());

        long logLines = Files.readAllLines(home.resolve("data/deployments.log")).size();
        HttpResponse<String> zero = Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"divisor\":0}"));

        assertEquals(422, zero.statusCode(), zero.body());
        JsonNode rolledBack = GuardApi.json(zero.body()).path("error");
        assertEquals("rolled_back", rolledBack.path("code").asText(), zero.body());
        assertEquals("plugin 'picky' failed to start with this configuration (divisor must not be 0); its last good configuration is restored",
                rolledBack.path("message").asText());
        assertEquals(4, GuardApi.json(Http.get(api("/plugins/picky/config"), key).body()).path("divisor").asInt(), "the last good value");
        assertEquals("25", Http.await(api("/picky/share"), key, r -> "25".equals(r.body()), WAIT).body(), "serves again as before");
        JsonNode record = GuardApi.json(Http.get(api("/plugins/picky"), key).body());
        assertEquals("active", record.path("state").asText(), record.toString());
        assertTrue(record.path("reason").asText().matches("the configuration change of divisor at \\S+ was rolled back: "
                + "the plugin failed to start with it \\(divisor must not be 0\\)"), record.toString());
        for (int i = 0; i < 50; i++) {
            assertEquals(200, Http.get(api("/picky/share"), key).statusCode());
        }
        assertEquals(logLines, Files.readAllLines(home.resolve("data/deployments.log")).size(),
                "deployments.log records state changes, not requests");

        HttpResponse<String> five = Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                HttpRequest.BodyPublishers.ofString("{\"divisor\":5}"));
        assertEquals(200, five.statusCode(), five.body());
        assertEquals("20", Http.get(api("/picky/share"), key).body(), "taken before the answer");
        assertTrue(GuardApi.json(Http.get(api("/plugins/picky"), key).body()).path("reason").isNull(), "a good change clears the note");
    }

    /**
     * SCR re-creates the endpoint component on every change (it has no {@code @Modified}): clients
     * calling meanwhile must not notice, rolled-back changes included. A rollback unregisters the
     * failed component and registers the last good one: the moment between them is a gap that a
     * build must not fill with an application missing the endpoint.
     */
    @Test
    @Order(7)
    void changesUnderLoadAreServedWithoutAFailedRequest() throws Exception {
        try (LoadLoop load = LoadLoop.start(8, api("/picky/share"), key)) {
            Thread.sleep(500);
            for (int i = 0; i < 10; i++) {
                int divisor = i % 2 == 0 ? 4 : 5;
                HttpResponse<String> put = Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                        HttpRequest.BodyPublishers.ofString("{\"divisor\":" + divisor + "}"));
                assertEquals(200, put.statusCode(), put.body());
                assertTrue(load.awaitBody(String.valueOf(100 / divisor), WAIT), "the loop sees " + 100 / divisor + ": " + load.summary());
                if (i % 2 == 1) {
                    assertEquals(422, Http.send("PUT", api("/plugins/picky/config"), key, "application/json",
                            HttpRequest.BodyPublishers.ofString("{\"divisor\":0}")).statusCode(), "rolled back");
                }
                Thread.sleep(200);
            }
            Thread.sleep(500);
            load.close();
            assertEquals(0, load.failed(), load.summary());
            assertEquals(Set.of("25", "20"), load.bodies(), load.summary());
            assertTrue(load.requests() > 100, load.summary());
        }
    }

    @Test
    @Order(8)
    void aConfigurationFileRemovedWhileTheRuntimeIsStoppedNoLongerApplies() throws Exception {
        Path file = home.resolve("config/aibase.plugin.hello.cfg");
        Files.writeString(file, "audience=Files\n");
        awaitGreeting("Howdy, Files!");

        assertEquals(0, launcher.terminate(Duration.ofSeconds(20)), "stops cleanly");
        launcher.close();
        Files.delete(file);
        launcher = RunningLauncher.ready(home);

        awaitGreeting("Howdy, world!");
        assertEquals("world", GuardApi.json(Http.get(api("/plugins/hello/config"), key).body()).path("audience").asText());
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("Configuration aibase.plugin.hello came from")
                && line.contains("which is gone: deleted")), () -> "the log says why; " + launcher.lastLines(40));
    }

    private void awaitGreeting(String text) throws Exception {
        HttpResponse<String> answer = Http.await(api("/hello/greeting"), key, r -> r.body().contains(text), WAIT);
        assertEquals("{\"message\":\"" + text + "\"}", answer.body());
    }

    private HttpResponse<String> greeting() throws Exception {
        return Http.get(api("/hello/greeting"), key);
    }

    private String api(String path) {
        return launcher.baseUrl() + "/api/v1" + path;
    }
}
