package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The platform HTTP API of the running launcher over real HTTP: every endpoint, every role, the
 * error statuses, sessions with CSRF, and uploads of good and bad JARs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlatformApiIT {

    private static final String ADMIN = "admin-key-for-the-api-test-0123456789";
    private static final String USER = "user-key-for-the-api-test-0123456789";
    /** The admin key as configured: its salted digest (docs/http-api.md), so no admin key is in config/. */
    private static final String ADMIN_DIGEST = saltedDigest("c0ffee42", ADMIN);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private String api;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        MisbehavingPlugins.declaresAnAdminTask().writeInto(home.resolve("deploy"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"),
                "admin.keys=" + ADMIN_DIGEST + "\nuser.keys=" + USER + "\n");
        // small enough to test the limit without sending 64 MiB
        Files.writeString(home.resolve("config/org.aibase.rest.uploads.cfg"), "max.bytes=2097152\n");
        launcher = RunningLauncher.ready(home);
        api = launcher.baseUrl() + "/api/v1";
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void healthNeedsNoKeyAndTellsDetailsOnlyToCallersWithOne() throws Exception {
        HttpResponse<String> health = Http.get(api + "/health");
        assertEquals(200, health.statusCode());
        assertEquals(Map.of("status", "up", "ready", true), JSON.readValue(health.body(), Map.class),
                "no bundle, version or plugin for an anonymous caller");
        // a wrong key is no reason to fail a probe: it is answered as anonymous
        assertEquals(200, Http.get(api + "/health", "not-a-key").statusCode());
        JsonNode detailed = json(Http.get(api + "/health", USER));
        assertEquals("up", detailed.path("status").asText());
        assertTrue(detailed.path("framework").path("bundles").asInt() > 0, detailed.toString());
        assertTrue(detailed.path("plugins").has("items"), detailed.toString());
        assertEquals("up", detailed.path("database").path("status").asText(), detailed.toString());
        assertEquals("up", detailed.path("jobs").path("status").asText(), detailed.toString());
        assertTrue(detailed.path("jobs").path("node").asText().startsWith("node-"), detailed.toString());
    }

    @Test
    void keysAndRoles() throws Exception {
        assertError(Http.get(api + "/plugins"), 401, null);
        assertError(Http.get(api + "/plugins", "not-a-key"), 401, null);
        assertError(Http.get(api + "/plugins", launcher.credential("admin.api.key")), 401, null); // configured keys replace it
        assertEquals(200, Http.get(api + "/plugins", USER).statusCode());
        assertEquals(200, Http.get(api + "/plugins", ADMIN).statusCode());
        assertError(Http.get(api + "/deployments", USER), 403, null);
        assertEquals(200, Http.get(api + "/deployments", ADMIN).statusCode());
        assertError(Http.get(api + "/plugins", ADMIN_DIGEST), 401, null); // the configured digest is no key
        // plugin resources are user resources too
        assertError(Http.get(api + "/hello/greeting?name=Ada"), 401, null);
        assertEquals(200, Http.get(api + "/hello/greeting?name=Ada", USER).statusCode());
    }

    @Test
    void listsAndDescribesPlugins() throws Exception {
        JsonNode hello = findPlugin(json(Http.get(api + "/plugins", USER)), "hello").orElseThrow();
        assertEquals("active", hello.path("state").asText());
        assertEquals("/api/v1/hello", hello.path("endpoints").path(0).asText());
        assertTrue(findPlugin(json(Http.get(api + "/plugins?capability=greeting", USER)), "hello").isPresent());
        assertTrue(findPlugin(json(Http.get(api + "/plugins?category=utility&state=active", USER)), "hello").isPresent());
        assertTrue(findPlugin(json(Http.get(api + "/plugins?category=analytics", USER)), "hello").isEmpty());

        JsonNode detail = json(Http.get(api + "/plugins/hello", USER));
        assertEquals("Hello", detail.path("plugin").path("name").asText());
        assertEquals("sandbox", detail.path("plugin").path("security").asText());
        assertEquals("http", detail.path("plugin").path("permissions").path(0).asText());
        assertTrue(detail.path("bundle_id").asLong() > 0);
        assertError(Http.get(api + "/plugins/nope", USER), 404, null);
        assertEquals(200, Http.get(api + "/plugins/hello/usage", USER).statusCode());
    }

    @Test
    void metersWhatPluginsServe() throws Exception {
        long before = json(Http.get(api + "/plugins/hello/usage", USER)).path("requests").asLong();
        for (int i = 0; i < 5; i++) {
            assertEquals(200, Http.get(api + "/hello/greeting?name=Ada", USER).statusCode());
        }
        assertEquals(400, Http.get(api + "/hello/greeting?name=", USER).statusCode());
        JsonNode usage = json(Http.get(api + "/plugins/hello/usage", USER));
        assertEquals(before + 6, usage.path("requests").asLong(), usage.toString());
        assertTrue(usage.path("client_errors").asLong() >= 1, usage.toString());
        assertTrue(usage.path("latency_ms").path("p99").asDouble() > 0, usage.toString());
        assertTrue(usage.path("allocated_bytes").asLong() > 0, usage.toString());

        String metricsUrl = launcher.baseUrl() + "/metrics";
        assertError(Http.get(metricsUrl), 401, null);
        assertError(Http.get(metricsUrl, USER), 403, null);
        HttpResponse<String> metrics = Http.get(metricsUrl, ADMIN);
        assertEquals(200, metrics.statusCode(), metrics.body());
        assertTrue(metrics.body().matches("(?s).*\\naibase_plugin_requests_total\\{plugin=\"hello\"\\} \\d+\\n.*"), metrics.body());
        assertTrue(metrics.body().contains("jvm_memory_heap_used_bytes "), metrics.body());
        java.util.regex.Matcher active = java.util.regex.Pattern.compile("\naibase_plugins\\{state=\"active\"} (\\d+)\n")
                .matcher(metrics.body());
        assertTrue(active.find() && Integer.parseInt(active.group(1)) >= 2, "hello and keeper at least: " + metrics.body());
        assertTrue(metrics.body().contains("\naibase_plugins{state=\"quarantined\"} 0\n"), "every state, also when empty");
        assertTrue(metrics.body().contains("# TYPE aibase_jobs gauge"), metrics.body());
        java.util.regex.Matcher installed = java.util.regex.Pattern.compile(
                "\naibase_deployments_total\\{type=\"installed\"} (\\d+)\n").matcher(metrics.body());
        assertTrue(installed.find() && Integer.parseInt(installed.group(1)) >= 2, "hello and keeper were installed: "
                + metrics.body());
        java.util.regex.Matcher max = java.util.regex.Pattern.compile("\naibase_db_pool_max_connections (\\d+)\n")
                .matcher(metrics.body());
        assertTrue(max.find() && Integer.parseInt(max.group(1)) == 10, "the default pool.size: " + metrics.body());
        assertTrue(metrics.body().matches("(?s).*\\naibase_db_pool_connections\\{state=\"idle\"} \\d+\\n.*"), metrics.body());
        assertTrue(metrics.body().contains("process_uptime_seconds "), metrics.body());
    }

    @Test
    void runsTasks() throws Exception {
        JsonNode greet = json(post("/plugins/hello/tasks", USER, "{\"type\":\"greet\",\"config\":{\"name\":\"Ada\"}}"));
        assertTrue(greet.path("success").asBoolean(), greet.toString());
        assertEquals("Hello, Ada!", greet.path("data").path("message").asText());

        HttpResponse<String> undeclared = post("/plugins/hello/tasks", USER, "{\"type\":\"shout\"}");
        assertError(undeclared, 422, "invalid");
        assertEquals("type", json(undeclared).path("error").path("details").path("field").asText(), undeclared.body());
        assertTrue(undeclared.body().contains("no task 'shout' (allowed: greet, echo)"), undeclared.body());
        JsonNode declared = json(Http.get(api + "/plugins/hello", USER)).path("plugin").path("tasks");
        assertEquals("greet", declared.path(0).path("name").asText(), declared.toString());
        assertEquals("user", declared.path(0).path("role").asText(), declared.toString());
        assertEquals("string", declared.path(0).path("input").path("properties").path("name").path("type").asText(),
                declared.toString());
        assertTrue(declared.path(0).path("read_only").asBoolean(), declared.toString());

        // the config must be what the task's input schema accepts: 422 naming the field, before the plugin sees it
        for (String[] bad : new String[][] { { "{\"name\":7}", "config.name" }, { "{\"name\":\"\"}", "config.name" },
                { "{\"nme\":\"Ada\"}", "config.nme" } }) {
            HttpResponse<String> refused = post("/plugins/hello/tasks", USER, "{\"type\":\"greet\",\"config\":" + bad[0] + "}");
            assertError(refused, 422, "invalid");
            assertEquals(bad[1], json(refused).path("error").path("details").path("field").asText(), refused.body());
        }

        // a task declared for admins: a user key is refused before the plugin sees it
        assertEquals("tidy", json(post("/plugins/keeper/tasks", USER, "{\"type\":\"tidy\"}")).path("data").path("ran").asText());
        HttpResponse<String> forbidden = post("/plugins/keeper/tasks", USER, "{\"type\":\"purge\"}");
        assertError(forbidden, 403, "forbidden");
        assertTrue(forbidden.body().contains("needs the admin role"), forbidden.body());
        assertEquals("purge", json(post("/plugins/keeper/tasks", ADMIN, "{\"type\":\"purge\"}")).path("data").path("ran").asText());

        assertError(post("/plugins/hello/tasks", USER, "{\"type\": "), 400, null);
        assertError(Http.send("POST", api + "/plugins/hello/tasks", USER, "text/plain", BodyPublishers.ofString("greet")), 415, null);
        assertError(post("/plugins/nope/tasks", USER, "{\"type\":\"greet\"}"), 404, null);
    }

    @Test
    void configurationIsTypeCheckedAndLive() throws Exception {
        assertEquals("world", json(Http.get(api + "/plugins/hello/config", ADMIN)).path("audience").asText());
        assertError(Http.get(api + "/plugins/hello/config", USER), 403, null);

        HttpResponse<String> wrongType = Http.send("PUT", api + "/plugins/hello/config", ADMIN, "application/json",
                BodyPublishers.ofString("{\"audience\": 42}"));
        assertError(wrongType, 422, null);
        assertTrue(wrongType.body().contains("audience"), wrongType.body());
        assertError(Http.send("PUT", api + "/plugins/hello/config", ADMIN, "application/json",
                BodyPublishers.ofString("{\"colour\": \"red\"}")), 422, null);

        HttpResponse<String> updated = Http.send("PUT", api + "/plugins/hello/config", ADMIN, "application/json",
                BodyPublishers.ofString("{\"audience\": \"Grace\"}"));
        assertEquals(200, updated.statusCode(), updated.body());
        HttpResponse<String> live = Http.await(api + "/hello/greeting", USER,
                r -> r.body().contains("Grace"), WAIT);
        assertEquals("{\"message\":\"Hello, Grace!\"}", live.body(), "delivered to the running plugin");
        Http.send("PUT", api + "/plugins/hello/config", ADMIN, "application/json",
                BodyPublishers.ofString("{\"audience\": null}"));
        assertEquals("world", json(Http.get(api + "/plugins/hello/config", ADMIN)).path("audience").asText());
    }

    @Test
    void stopsAndStartsAPlugin() throws Exception {
        assertError(post("/plugins/hello/stop", USER, null), 403, null);
        assertEquals("stopped", json(post("/plugins/hello/stop", ADMIN, null)).path("state").asText());
        // a stopped plugin's URLs say so, with its state, instead of a bare 404
        HttpResponse<String> stopped = Http.await(api + "/hello/greeting", USER, r -> r.statusCode() == 503, WAIT);
        assertError(stopped, 503, "plugin_unavailable");
        assertEquals("stopped", json(stopped).path("error").path("details").path("state").asText(), stopped.body());
        assertEquals("active", json(post("/plugins/hello/start", ADMIN, null)).path("state").asText());
        assertEquals(200, Http.await(api + "/hello/greeting", USER, r -> r.statusCode() == 200, WAIT).statusCode());
        assertError(post("/plugins/nope/start", ADMIN, null), 404, null);
    }

    @Test
    void uploadsValidatesAndRemovesPlugins() throws Exception {
        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        Path other = PluginJars.withId(hello, home.resolve("hello_two.jar"), "hello_two");

        JsonNode report = json(upload("/validate", USER, Files.readAllBytes(other)));
        assertTrue(report.path("valid").asBoolean(), report.toString());
        JsonNode badReport = json(upload("/validate", USER, "not a jar".getBytes()));
        assertFalse(badReport.path("valid").asBoolean());
        assertTrue(badReport.path("findings").size() > 0);

        HttpResponse<String> bad = upload("/plugins", ADMIN, "not a jar".getBytes());
        assertError(bad, 422, null);
        assertTrue(bad.body().contains("findings"), "the report comes with the error: " + bad.body());
        assertError(upload("/plugins", USER, Files.readAllBytes(other)), 403, null);
        assertError(Http.send("POST", api + "/plugins", ADMIN, "text/plain", BodyPublishers.ofByteArray(Files.readAllBytes(other))), 415, null);
        assertError(upload("/plugins?file=copy_of_hello.jar", ADMIN, Files.readAllBytes(hello)), 409, null);
        assertError(upload("/plugins", ADMIN, new byte[3 * 1024 * 1024]), 413, null);

        HttpResponse<String> created = upload("/plugins", ADMIN, Files.readAllBytes(other));
        assertEquals(201, created.statusCode(), created.body());
        assertEquals("hello_two", json(created).path("id").asText());
        assertNotNull(created.headers().firstValue("Location").orElse(null));
        assertEquals(200, Http.await(api + "/hello_two/greeting?name=Ada", USER, r -> r.statusCode() == 200, WAIT).statusCode());

        assertEquals(204, Http.send("DELETE", api + "/plugins/hello_two", ADMIN, null, null).statusCode());
        assertError(Http.get(api + "/plugins/hello_two", USER), 404, null);
        assertEquals(404, Http.await(api + "/hello_two/greeting?name=Ada", USER, r -> r.statusCode() == 404, WAIT).statusCode());

        JsonNode log = json(Http.get(api + "/deployments?limit=50", ADMIN));
        List<String> types = JSON.convertValue(log.path("items").findValuesAsText("type"), List.class);
        assertTrue(types.contains("installed") && types.contains("removed"), log.toString());
        assertTrue(log.path("total").asLong() >= types.size());
        assertEquals(1, json(Http.get(api + "/deployments?limit=1", ADMIN)).path("items").size());
    }

    @Test
    void browserSessionsNeedTheCsrfTokenForChanges() throws Exception {
        HttpResponse<String> signIn = Http.send("POST", api + "/session", null, "application/json",
                BodyPublishers.ofString("{\"key\":\"" + USER + "\"}"));
        assertEquals(200, signIn.statusCode(), signIn.body());
        String setCookie = signIn.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly") && setCookie.contains("SameSite=Strict"), setCookie);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));
        String csrf = json(signIn).path("csrf_token").asText();

        assertEquals(200, Http.send("GET", api + "/plugins", null, null, null, "Cookie", cookie).statusCode());
        String task = "{\"type\":\"echo\",\"config\":{\"x\":1}}";
        assertError(Http.send("POST", api + "/plugins/hello/tasks", null, "application/json",
                BodyPublishers.ofString(task), "Cookie", cookie), 403, null);
        assertEquals(200, Http.send("POST", api + "/plugins/hello/tasks", null, "application/json",
                BodyPublishers.ofString(task), "Cookie", cookie, "X-CSRF-Token", csrf).statusCode());

        assertEquals(401, Http.send("POST", api + "/session", null, "application/json",
                BodyPublishers.ofString("{\"key\":\"wrong\"}")).statusCode());
        Http.send("DELETE", api + "/session", null, null, null, "Cookie", cookie, "X-CSRF-Token", csrf);
        assertError(Http.send("GET", api + "/plugins", null, null, null, "Cookie", cookie), 401, null);
    }

    private HttpResponse<String> post(String path, String key, String json) throws IOException, InterruptedException {
        return Http.send("POST", api + path, key, json == null ? null : "application/json",
                json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
    }

    private HttpResponse<String> upload(String path, String key, byte[] jar) throws IOException, InterruptedException {
        return Http.send("POST", api + path, key, "application/java-archive", BodyPublishers.ofByteArray(jar));
    }

    private static Optional<JsonNode> findPlugin(JsonNode list, String id) {
        JsonNode items = list.isArray() ? list : list.path("items");
        for (JsonNode plugin : items) {
            if (id.equals(plugin.path("id").asText())) {
                return Optional.of(plugin);
            }
        }
        return Optional.empty();
    }

    /** The response has the status and the platform's error shape, never a stack trace. */
    private static void assertError(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        JsonNode error = JSON.readTree(response.body()).path("error");
        assertFalse(error.path("code").asText().isEmpty(), response.body());
        assertFalse(error.path("message").asText().isEmpty(), response.body());
        assertFalse(response.body().contains("\tat "), "no stack trace: " + response.body());
        if (code != null) {
            assertEquals(code, error.path("code").asText());
        }
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static String saltedDigest(String salt, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + key).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + salt + ":" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
