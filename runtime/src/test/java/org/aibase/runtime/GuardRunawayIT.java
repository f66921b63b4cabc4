package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runaway work over the real runtime: a task that ignores its interrupt past its timeout puts its
 * plugin in {@code quarantined} with the reason, later tasks get 503, other plugins are unaffected,
 * and an operator can start it again.
 */
class GuardRunawayIT {

    @TempDir
    Path home;

    @Test
    void aTaskDeafToItsInterruptQuarantinesItsPlugin() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        MisbehavingPlugin spinner = MisbehavingPlugins.spinsPastItsTimeout();
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            GuardApi api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
            spinner.writeInto(home.resolve("deploy"));
            assertEquals("active", api.awaitSettled(List.of(spinner.fileName()), Duration.ofSeconds(60))
                    .get(spinner.fileName()).path("state").asText());

            HttpResponse<String> first = task(api, "spin");
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("timeout", GuardApi.json(first.body()).path("error_code").asText(), first.body());

            HttpResponse<String> record = Http.await(api.url("/plugins/spinner"), api.key(),
                    r -> r.body().contains("\"state\":\"quarantined\""), Duration.ofSeconds(30));
            JsonNode quarantined = GuardApi.json(record.body());
            assertEquals("quarantined", quarantined.path("state").asText(), record.body());
            assertTrue(quarantined.path("reason").asText().contains("task 'spin' ignored its interrupt"), record.body());

            HttpResponse<String> refused = task(api, "spin");
            assertEquals(503, refused.statusCode(), refused.body());
            assertEquals("quarantined", GuardApi.json(refused.body()).path("error").path("code").asText());
            assertEquals(200, Http.get(api.url("/hello/greeting?name=Ada"), api.key()).statusCode(), "others unaffected");
            assertEquals(200, Http.get(api.url("/health")).statusCode());

            HttpResponse<String> started = Http.send("POST", api.url("/plugins/spinner/start"), api.key(), null, null);
            assertEquals("active", GuardApi.json(started.body()).path("state").asText(), started.body());
        }
    }

    private static HttpResponse<String> task(GuardApi api, String type) throws Exception {
        return Http.send("POST", api.url("/plugins/spinner/tasks"), api.key(), "application/json",
                BodyPublishers.ofString("{\"type\":\"" + type + "\"}"));
    }
}
