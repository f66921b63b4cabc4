package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

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
