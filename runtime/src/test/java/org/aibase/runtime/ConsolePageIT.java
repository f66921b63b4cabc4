package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Web Console page "AI Plugins" on the real runtime: its HTML inside the console's frame, its
 * JSON, its actions through the registry, escaping of a hostile plugin's name, and the refusal of
 * actions without the page's token or from another origin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePageIT {

    static final String HOSTILE_NAME = "<script>alert(1)</script> ${brand.name} \\${appRoot}";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private ConsoleClient console;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        Path deploy = home.resolve("deploy");
        MisbehavingPlugin.withId("hostile").name(HOSTILE_NAME)
                .yaml("description: \"<img src=x onerror=alert(2)>\"")
                .yaml("defaults:\n  max_items: 10\n  verbose: true\n  ratio: 0.5\n  api_key: \"\"")
                .writeInto(deploy);
        MisbehavingPlugin.withId("doomed").writeInto(deploy);
        MisbehavingPlugins.systemExit().writeInto(deploy);
        JobsIT.deploy(home, JobTestPlugins.build(Files.createDirectories(home.resolve("work")), "worker", "limits: {jobs: 2}"));
        launcher = RunningLauncher.ready(home);
        console = ConsoleClient.of(launcher);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void thePageIsAConsolePluginBehindTheConsoleLogin() throws Exception {
        HttpResponse<String> anonymous = Http.get(console.pageUrl());
        assertEquals(401, anonymous.statusCode(), "the console's authentication guards the page");

        HttpResponse<String> page = console.get("");
        assertEquals(200, page.statusCode(), page.body());
        String html = page.body();
        assertTrue(html.contains("id=\"navmenu\""), "rendered inside the console's frame with its navigation");
        assertTrue(html.contains("AI Plugins"), "the title");
        assertTrue(html.contains("/aibase/res/aibase.css") && html.contains("/aibase/res/aibase.js"), html);
        assertTrue(html.matches("(?s).*<tr id=\"plugin-hello\" data-state=\"active\">.*?ACTIVE.*"), html);
        assertTrue(html.contains("id=\"stop-hello\""), "an active plugin can be stopped");
        assertTrue(html.matches("(?s).*<tr id=\"plugin-uses_exit\" data-state=\"rejected\">.*?REJECTED.*"), html);
        assertTrue(html.contains("System.exit"), "the rejected plugin's report names the denied API");
        assertTrue(html.contains("class=\"aibase-event-rejected\""), "the deployment log shows the rejection");
        assertTrue(html.contains("LLM: not configured") && html.contains("org.aibase.llm.provider-NAME.cfg"), html);
        assertTrue(html.contains("id=\"aibase-job-counts\""), "the jobs panel, with the job service installed");
        assertTrue(html.contains("id=\"config-hello\""), "hello's configuration form");

        HttpResponse<String> script = console.get("/res/aibase.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("X-AIBase-Token"));
    }

    @Test
    void dataJsonShowsPluginsWithUsageAgainstLimits() throws Exception {
        String key = launcher.credential("admin.api.key");
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Http.get(launcher.baseUrl() + "/api/v1/hello/greeting?name=Ada", key).statusCode());
        }
        HttpResponse<String> data = console.get("/data.json");
        assertEquals(200, data.statusCode(), data.body());
        assertTrue(data.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode hello = plugin(JSON.readTree(data.body()), "hello");
        assertEquals("active", hello.path("state").asText());
        assertEquals("Hello", hello.path("name").asText());
        assertEquals("sandbox", hello.path("security").asText());
        assertEquals("http", hello.path("permissions").path(0).asText());
        assertTrue(hello.path("usage").path("requests").asLong() >= 3, data.body());
        assertTrue(hello.path("usage").path("latency_ms").has("p95"), data.body());
        assertTrue(hello.path("limits").path("concurrency").asInt() > 0, "effective limits: " + data.body());
        JsonNode api = JSON.readTree(Http.get(launcher.baseUrl() + "/api/v1/plugins/hello/usage", key).body());
        assertEquals(fieldNames(api), fieldNames(hello.path("usage")), "the figures of the HTTP API's usage, in its order");
        assertEquals(api.path("limits"), hello.path("limits"));
        assertEquals(api.path("jobs"), hello.path("usage").path("jobs"));
        JsonNode json = JSON.readTree(data.body());
        assertFalse(json.path("llm").path("configured").asBoolean());
        assertTrue(json.path("jobs").path("installed").asBoolean());
        assertTrue(json.path("deployments").size() >= 3, data.body());
        JsonNode rejected = plugin(json, "uses_exit");
        assertEquals("rejected", rejected.path("state").asText());
        assertTrue(rejected.path("report").path("findings").size() > 0, data.body());

        HttpResponse<String> fragment = console.get("/fragment/plugins");
        assertEquals(200, fragment.statusCode());
        assertTrue(fragment.body().contains("id=\"aibase-plugin-table\""));
        assertFalse(fragment.body().contains("id=\"navmenu\""), "the fragment is the table alone, for the refresh");
        assertTrue(fragment.body().contains("Requests: "), fragment.body());
    }

    @Test
    void theJobsPanelCountsJobsByPluginAndStatus() throws Exception {
        String api = launcher.baseUrl() + "/api/v1";
        String key = launcher.credential("admin.api.key");
        Http.await(api + "/plugins/worker", key, r -> r.body().contains("\"active\""), WAIT);
        HttpResponse<String> submitted = Http.send("POST", api + "/worker/submit?type=slow&count=2&steps=1&ms=10", key,
                null, null);
        assertEquals(200, submitted.statusCode(), submitted.body());
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode counts = null;
        while (System.nanoTime() < deadline) {
            counts = JSON.readTree(console.get("/data.json").body()).path("jobs").path("counts_by_plugin").path("worker");
            if (counts.path("completed").asInt() == 2) {
                break;
            }
            Thread.sleep(100);
        }
        assertEquals(2, counts.path("completed").asInt(), String.valueOf(counts));
        String html = console.get("").body();
        assertTrue(html.matches("(?s).*<tr id=\"jobs-worker\"><td>worker</td><td>0</td><td>0</td><td>2</td>.*"),
                "pending, running, completed: " + html);
        assertTrue(html.matches("(?s).*<tr id=\"plugin-worker\".*?Jobs: 0 running, 0 queued, 0 failed \\(limit 2 at once\\).*"),
                "the plugin's row shows its jobs against its limit");
    }

    @Test
    void aHostilePluginNameIsEscapedEverywhere() throws Exception {
        for (String path : new String[] { "", "/fragment/plugins" }) {
            String html = console.get(path).body();
            assertTrue(html.contains("id=\"plugin-hostile\""), html);
            assertFalse(html.contains("<script>alert(1)</script>"), "the name is not markup on " + path);
            assertFalse(html.contains("<img src=x"), "nor the description");
            assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the name shows as text on " + path);
            assertTrue(html.contains("&#36;{brand.name}"), "the console's variable filter does not expand it");
        }
        HttpResponse<String> data = console.get("/data.json");
        assertEquals(HOSTILE_NAME, plugin(JSON.readTree(data.body()), "hostile").path("name").asText(),
                "JSON carries the name as it is; JSON escaping is the client's");
    }

    @Test
    void actionsNeedThePagesTokenAndTheSameOrigin() throws Exception {
        HttpResponse<String> noToken = console.post("/plugins/hello/stop", null, null, null);
        assertError(noToken, 403, "forbidden");
        assertTrue(noToken.body().contains("X-AIBase-Token"), noToken.body());
        assertError(console.post("/plugins/hello/stop", "forged-token", null, null), 403, "forbidden");
        String token = console.token();
        assertError(console.post("/plugins/hello/stop", token, null, null, "Origin", "http://evil.example"), 403, "forbidden");
        HttpResponse<String> anonymous = Http.send("POST", console.pageUrl() + "/plugins/hello/stop", null, null, null);
        assertEquals(401, anonymous.statusCode());
        assertEquals("active", plugin(JSON.readTree(console.get("/data.json").body()), "hello").path("state").asText(),
                "none of them stopped hello");
    }

    @Test
    void felixsOwnPagesRefuseChangesAnotherSiteSends() throws Exception {
        String key = launcher.credential("admin.api.key");
        long hello = JSON.readTree(Http.get(launcher.baseUrl() + "/api/v1/plugins/hello", key).body()).path("bundle_id").asLong();
        String bundle = "/bundles/" + hello;

        HttpResponse<String> forged = console.consoleForm(bundle, "action=stop", "Origin", "http://evil.example");
        assertError(forged, 403, "forbidden");
        assertTrue(forged.body().contains("http://evil.example"), forged.body());
        assertError(console.consoleForm(bundle, "action=stop", "Referer", "http://evil.example/page.html"), 403, "forbidden");
        assertError(console.consoleForm("/configMgr/org.aibase.rest.auth", "apply=true&propertylist=admin.keys&admin.keys=mine",
                "Origin", "https://127.0.0.1.evil.example"), 403, "forbidden");
        assertEquals("active", plugin(JSON.readTree(console.get("/data.json").body()), "hello").path("state").asText(),
                "the forged stop did not reach the bundles page");

        // the console's own page, and a program that sends no Origin, still change things
        String own = launcher.baseUrl();
        String harmless = "apply=true&propertylist=note&note=set";
        HttpResponse<String> fromConsole = console.consoleForm("/configMgr/org.example.console.note", harmless, "Origin", own,
                "Referer", own + "/system/console/configMgr");
        assertTrue(fromConsole.statusCode() < 400, fromConsole.statusCode() + " " + fromConsole.body());
        HttpResponse<String> fromProgram = console.consoleForm("/configMgr/org.example.console.note", harmless);
        assertTrue(fromProgram.statusCode() < 400, fromProgram.statusCode() + " " + fromProgram.body());
    }

    @Test
    void noConsolePageShowsTheGeneratedKeyOrTheConsolePassword() throws Exception {
        HttpResponse<String> status = console.consoleGet("/config/configuration-status.txt");
        assertEquals(200, status.statusCode());
        assertTrue(status.body().contains("*** Framework Properties:"), "the dump has the printer that showed them");
        assertTrue(status.body().contains("*** Declarative Services Components:"), "and the one of component properties");
        assertEquals(List.of(), console.pagesShowing(launcher.credential("admin.api.key"),
                launcher.credential("console.password")));
    }

    @Test
    void stopsAndStartsAPlugin() throws Exception {
        String token = console.token();
        String greeting = launcher.baseUrl() + "/api/v1/hello/greeting";
        String key = launcher.credential("admin.api.key");
        HttpResponse<String> stopped = console.post("/plugins/hello/stop", token, null, null);
        HttpResponse<String> started;
        try {
            stoppedHello(stopped, greeting, key);
        } finally {
            started = console.post("/plugins/hello/start", token, null, null); // the other tests need it active
        }
        assertEquals(200, started.statusCode(), started.body());
        assertEquals("active", JSON.readTree(started.body()).path("state").asText());
        assertEquals(200, Http.await(greeting, key, r -> r.statusCode() == 200, WAIT).statusCode());

        assertError(console.post("/plugins/nosuch/start", token, null, null), 404, "not_found");
        assertError(console.post("/plugins/uses_exit/start", token, null, null), 409, "conflict");
    }

    @Test
    void uninstallsAPlugin() throws Exception {
        HttpResponse<String> gone = console.post("/plugins/doomed/uninstall", console.token(), null, null);
        assertEquals(200, gone.statusCode(), gone.body());
        assertTrue(Files.notExists(home.resolve("deploy/doomed.jar")), "its file left the deploy folder");
        JsonNode plugins = JSON.readTree(console.get("/data.json").body()).path("plugins");
        assertFalse(plugins.findValuesAsText("id").contains("doomed"), plugins.toString());
        assertFalse(console.get("/fragment/plugins").body().contains("id=\"plugin-doomed\""));
    }

    @Test
    void uploadValidatesLikeTheApiAndAnswersARefusalWithItsReport() throws Exception {
        String token = console.token();
        HttpResponse<String> bad = console.post("/upload?file=bad.jar", token, "application/java-archive",
                "not a zip".getBytes(StandardCharsets.UTF_8));
        assertError(bad, 422, "invalid");
        JsonNode report = JSON.readTree(bad.body()).path("error").path("details").path("report");
        assertEquals("bad.jar", report.path("file").asText());
        assertFalse(report.path("valid").asBoolean());
        assertTrue(report.path("findings").path(0).path("message").asText().contains("JAR"), bad.body());

        Path exitJar = MisbehavingPlugins.systemExit().writeInto(Files.createTempDirectory(home, "upload"));
        HttpResponse<String> denied = console.post("/upload?file=uses_exit.jar", token, "application/java-archive",
                Files.readAllBytes(exitJar));
        assertTrue(denied.statusCode() == 422 || denied.statusCode() == 409, denied.body());
        assertError(console.post("/upload", token, "text/plain", new byte[] { 1 }), 415, "unsupported_media_type");
        assertError(console.post("/upload", token, "application/java-archive", new byte[0]), 400, "empty_body");

        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        Path renamed = PluginJars.withId(hello, home.resolve("greeter.jar"), "greeter");
        HttpResponse<String> installed = console.post("/upload?file=greeter.jar", token, "application/java-archive",
                Files.readAllBytes(renamed));
        assertEquals(201, installed.statusCode(), installed.body());
        assertEquals("active", JSON.readTree(installed.body()).path("state").asText(), installed.body());
        assertTrue(Files.exists(home.resolve("deploy/greeter.jar")));
    }

    @Test
    void editsAConfigurationFromAFormOfItsDeclaredTypes() throws Exception {
        String page = console.get("").body();
        assertTrue(page.contains("name=\"max_items\" data-type=\"integer\""), "whole number field");
        assertTrue(page.contains("type=\"checkbox\" id=\"config-hostile-verbose\""), "yes/no field");
        assertTrue(page.contains("name=\"ratio\" data-type=\"number\""), "number field");
        assertTrue(page.contains("type=\"password\""), "a secret-looking key gets a password field");

        String token = console.token();
        HttpResponse<String> saved = console.post("/plugins/hello/config", token, "application/json",
                "{\"audience\":\"operators\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(200, saved.statusCode(), saved.body());
        assertEquals("operators", JSON.readTree(saved.body()).path("config").path("audience").asText());
        String key = launcher.credential("admin.api.key");
        HttpResponse<String> greeting = Http.await(launcher.baseUrl() + "/api/v1/hello/greeting", key,
                r -> r.body().contains("operators"), WAIT);
        assertTrue(greeting.body().contains("Hello, operators!"), "delivered live: " + greeting.body());
        assertTrue(console.get("").body().contains("value=\"operators\""), "the form shows the effective value");

        assertError(console.post("/plugins/hostile/config", token, "application/json",
                "{\"max_items\":\"many\"}".getBytes(StandardCharsets.UTF_8)), 422, "invalid");
        HttpResponse<String> unknown = console.post("/plugins/hello/config", token, "application/json",
                "{\"no_such_key\":1}".getBytes(StandardCharsets.UTF_8));
        assertError(unknown, 422, "invalid");
        assertTrue(unknown.body().contains("no_such_key"), unknown.body());
        assertError(console.post("/plugins/hello/config", token, "application/json",
                "[1,2".getBytes(StandardCharsets.UTF_8)), 400, "invalid_json");

        String secret = "operator-secret-4711";
        assertEquals(200, console.post("/plugins/hostile/config", token, "application/json",
                ("{\"api_key\":\"" + secret + "\"}").getBytes(StandardCharsets.UTF_8)).statusCode());
        assertFalse(console.get("").body().contains(secret), "a secret is never rendered");
        assertFalse(console.get("/data.json").body().contains(secret), "nor served as JSON");
        assertTrue(console.get("").body().contains("set (hidden)"));
        assertEquals(List.of(), console.pagesShowing(secret), "a plugin's secret on Felix's pages");
    }

    private void stoppedHello(HttpResponse<String> stopped, String greeting, String key) throws Exception {
        assertEquals(200, stopped.statusCode(), stopped.body());
        assertEquals("stopped", JSON.readTree(stopped.body()).path("state").asText());
        assertTrue(console.get("").body().contains("id=\"start-hello\""), "a stopped plugin can be started");
        assertEquals(503, Http.await(greeting, key, r -> r.statusCode() == 503, WAIT).statusCode(),
                "a stopped plugin answers 503");
    }

    private static JsonNode plugin(JsonNode data, String id) {
        for (JsonNode plugin : data.path("plugins")) {
            if (id.equals(plugin.path("id").asText())) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + id + " in " + data);
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertEquals(code, error.path("code").asText(), response.body());
        assertFalse(error.path("message").asText().isEmpty(), response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace: " + response.body());
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
