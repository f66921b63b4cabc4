package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarantine policy over the real runtime, with short terms ({@code runaway.grace} 1 s,
 * {@code quarantine.stuck.after} 4 s, {@code quarantine.lift.after} 8 s, 3 runaways in 10 min): a
 * runaway request fails alone, three quarantine its plugin naming the request, and the lift brings it
 * back serving; a task that will not stop quarantines at once and is lifted once it has ended; an
 * operator's quarantine through the API is pinned. Other plugins are unaffected throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardRunawayIT {

    private static final String ADMIN = "admin-key-for-the-runaway-test-0123456789";
    private static final String USER = "user-key-for-the-runaway-test-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(40);

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private GuardApi api;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "\n");
        Files.writeString(home.resolve("config/org.aibase.sandbox.cfg"), """
                runaway.grace=1s
                quarantine.runaways=3
                quarantine.window=10m
                quarantine.stuck.after=4s
                quarantine.lift.after=8s
                """);
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", ADMIN);
        List<MisbehavingPlugin> plugins = List.of(GovernedPlugins.runaway(), MisbehavingPlugins.spinsPastItsTimeout(),
                GovernedPlugins.throttled());
        for (MisbehavingPlugin plugin : plugins) {
            plugin.writeInto(home.resolve("deploy"));
        }
        api.awaitSettled(plugins.stream().map(MisbehavingPlugin::fileName).toList(), Duration.ofSeconds(60))
                .forEach((file, record) -> assertEquals("active", record.path("state").asText(), record.toString()));
        Http.await(api.url("/runaway/loop/ok"), USER, r -> r.statusCode() == 200, Duration.ofSeconds(30));
        Http.await(api.url("/throttled/cpu/quick"), USER, r -> r.statusCode() == 200, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void threeRunawayRequestsQuarantineTheirPluginAndTheLiftBringsItBackServing() throws Exception {
        HttpResponse<String> first = Http.get(api.url("/runaway/loop/spin?ms=3000"), USER);
        assertEquals(503, first.statusCode(), first.body());
        assertEquals("timeout", GuardApi.json(first.body()).path("error").path("code").asText(), first.body());
        Http.await(api.url("/plugins/runaway/usage"), USER, r -> GuardApi.json(r.body()).path("runaways").asLong() == 1, WAIT);
        assertEquals("active", api.usage("runaway").path("state").asText(), "one runaway request fails alone");
        assertEquals(200, Http.get(api.url("/runaway/loop/ok"), USER).statusCode());

        assertEquals(503, Http.get(api.url("/runaway/loop/spin?ms=3000"), USER).statusCode());
        assertEquals(503, Http.get(api.url("/runaway/loop/spin?ms=3000"), USER).statusCode());

        HttpResponse<String> quarantined = Http.await(api.url("/plugins/runaway"), USER,
                r -> r.body().contains("\"state\":\"quarantined\""), WAIT);
        JsonNode record = GuardApi.json(quarantined.body());
        assertEquals("quarantined", record.path("state").asText(), quarantined.body());
        assertTrue(record.path("reason").asText().startsWith("GET /api/v1/runaway/loop/spin ignored its interrupt"),
                quarantined.body());
        assertTrue(record.path("reason").asText().contains("runaway 3 of 3 within 10 min"), quarantined.body());
        assertEquals(false, record.path("quarantine").path("pinned").asBoolean(true), quarantined.body());
        String liftsAt = record.path("quarantine").path("lifts_at").asText();

        HttpResponse<String> refused = Http.get(api.url("/runaway/loop/ok"), USER);
        assertEquals(503, refused.statusCode(), refused.body());
        JsonNode error = GuardApi.json(refused.body()).path("error");
        assertEquals("quarantined", error.path("code").asText(), refused.body());
        assertTrue(error.path("message").asText().contains("it is lifted at " + liftsAt), refused.body());
        JsonNode usage = api.usage("runaway");
        assertEquals("quarantined", usage.path("state").asText(), usage.toString());
        assertEquals(3, usage.path("runaways").asLong(), usage.toString());
        assertEquals(liftsAt, usage.path("quarantine").path("lifts_at").asText(), usage.toString());
        assertEquals(200, Http.get(api.url("/hello/greeting?name=Ada"), USER).statusCode(), "others unaffected");

        HttpResponse<String> back = Http.await(api.url("/runaway/loop/ok"), USER, r -> r.statusCode() == 200, WAIT);
        assertEquals(200, back.statusCode(), "lifted after quarantine.lift.after: " + back.body());
        JsonNode lifted = GuardApi.json(Http.get(api.url("/plugins/runaway"), USER).body());
        assertEquals("active", lifted.path("state").asText(), lifted.toString());
        assertTrue(lifted.path("quarantine").isNull(), lifted.toString());
        assertTrue(Http.get(api.url("/deployments"), ADMIN).body().contains("\"type\":\"lifted\""), "the lift is in the log");
    }

    @Test
    void aTaskThatWillNotStopQuarantinesAtOnceAndIsLiftedOnceItHasEnded() throws Exception {
        HttpResponse<String> first = task("spin");
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("timeout", GuardApi.json(first.body()).path("error_code").asText(), first.body());

        HttpResponse<String> record = Http.await(api.url("/plugins/spinner"), USER,
                r -> r.body().contains("\"state\":\"quarantined\""), WAIT);
        JsonNode quarantined = GuardApi.json(record.body());
        assertEquals("quarantined", quarantined.path("state").asText(), record.body());
        assertTrue(quarantined.path("reason").asText().startsWith("task 'spin' would not stop: still running"),
                record.body());
        HttpResponse<String> refused = task("spin");
        assertEquals(503, refused.statusCode(), refused.body());
        assertEquals("quarantined", GuardApi.json(refused.body()).path("error").path("code").asText());
        assertEquals(200, Http.get(api.url("/hello/greeting?name=Ada"), USER).statusCode(), "others unaffected");
        assertEquals(200, Http.get(api.url("/health")).statusCode());

        HttpResponse<String> lifted = Http.await(api.url("/plugins/spinner"), USER,
                r -> r.body().contains("\"state\":\"active\""), WAIT);
        assertEquals("active", GuardApi.json(lifted.body()).path("state").asText(), lifted.body());
        assertEquals(1, api.usage("spinner").path("runaways").asLong());
    }

    @Test
    void anOperatorsQuarantineThroughTheApiIsPinnedUntilAnOperatorStartsThePlugin() throws Exception {
        String url = api.url("/plugins/throttled/quarantine");
        assertEquals(403, Http.send("POST", url, USER, null, null).statusCode(), "admin only");
        HttpResponse<String> badPin = Http.send("POST", url, ADMIN, "application/json", BodyPublishers.ofString("{\"pin\":\"soon\"}"));
        assertEquals(400, badPin.statusCode(), badPin.body());
        assertEquals("pin", GuardApi.json(badPin.body()).path("error").path("details").path("parameter").asText(), badPin.body());

        HttpResponse<String> pinned = Http.send("POST", url, ADMIN, "application/json",
                BodyPublishers.ofString("{\"reason\":\"maintenance\"}"));
        assertEquals(200, pinned.statusCode(), pinned.body());
        JsonNode record = GuardApi.json(pinned.body());
        assertEquals("quarantined", record.path("state").asText(), pinned.body());
        assertEquals("quarantined by an operator: maintenance", record.path("reason").asText());
        assertTrue(record.path("quarantine").path("pinned").asBoolean(), pinned.body());
        assertTrue(record.path("quarantine").path("lifts_at").isNull(), pinned.body());
        HttpResponse<String> refused = Http.get(api.url("/throttled/cpu/quick"), USER);
        assertEquals(503, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("it is pinned: an operator may start it again"), refused.body());

        Thread.sleep(10_000); // past quarantine.lift.after and the policy's next look: a pinned quarantine stays
        assertEquals("quarantined", GuardApi.json(Http.get(api.url("/plugins/throttled"), USER).body()).path("state").asText());

        HttpResponse<String> started = Http.send("POST", api.url("/plugins/throttled/start"), ADMIN, null, null);
        assertEquals("active", GuardApi.json(started.body()).path("state").asText(), started.body());
        assertEquals(200, Http.await(api.url("/throttled/cpu/quick"), USER, r -> r.statusCode() == 200, WAIT).statusCode());
    }

    private HttpResponse<String> task(String type) throws Exception {
        return Http.send("POST", api.url("/plugins/spinner/tasks"), USER, "application/json",
                BodyPublishers.ofString("{\"type\":\"" + type + "\"}"));
    }
}
