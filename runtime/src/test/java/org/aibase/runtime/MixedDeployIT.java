package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A mixed set of good and bad JARs in deploy/ of a running launcher: the bad ones are rejected
 * with reasons that say what is wrong, the good ones answer, and 30 more bad JARs at once leave
 * the runtime healthy.
 */
class MixedDeployIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void badJarsAreRejectedWithReasonsAndGoodOnesAnswer() throws Exception {
        Path deploy = Files.createDirectories(home.resolve("deploy"));
        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        Files.copy(hello, deploy.resolve("hello.jar"));
        PluginJars.withId(hello, deploy.resolve("hello_two.jar"), "hello_two");
        Map<String, String> bad = new HashMap<>(BadJars.writeAll(deploy, "start_"));
        Files.copy(hello, deploy.resolve("start_duplicate_of_hello.jar"));
        bad.put("start_duplicate_of_hello.jar", "hello.jar");

        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            String key = launcher.credential("admin.api.key");
            assertEquals(200, Http.get(api + "/hello/greeting?name=Ada", key).statusCode());
            assertEquals(200, Http.get(api + "/hello_two/greeting?name=Ada", key).statusCode());
            assertRejected(api, key, bad);

            // 30 bad JARs at once while running
            Map<String, String> burst = new HashMap<>();
            for (int i = 0; i < 5; i++) {
                burst.putAll(BadJars.writeAll(deploy, "burst" + i + "_"));
            }
            assertEquals(30, burst.size());
            Http.await(api + "/deployments?limit=500", key,
                    r -> burst.keySet().stream().allMatch(r.body()::contains), Duration.ofSeconds(30));
            assertRejected(api, key, burst);
            assertEquals(200, Http.get(api + "/health").statusCode(), "still healthy");
            assertEquals("{\"message\":\"Hello, Ada!\"}", Http.get(api + "/hello/greeting?name=Ada", key).body());
        }
    }

    private static void assertRejected(String api, String key, Map<String, String> expected) throws Exception {
        // a file that is not a zip is given up on after 3 s without its end record, perhaps after the ready line
        JsonNode plugins = JSON.readTree(Http.await(api + "/plugins", key,
                r -> expected.keySet().stream().allMatch(r.body()::contains), Duration.ofSeconds(30)).body());
        Map<String, JsonNode> byFile = new HashMap<>();
        for (JsonNode plugin : plugins.isArray() ? plugins : plugins.path("items")) {
            byFile.put(plugin.path("file").asText(), plugin);
        }
        expected.forEach((file, mention) -> {
            JsonNode record = byFile.get(file);
            assertTrue(record != null, file + " is listed: " + plugins);
            assertEquals("rejected", record.path("state").asText(), record.toString());
            assertTrue(record.path("reason").asText().contains(mention), file + " reason names " + mention + ": " + record);
        });
    }
}
