package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The LLM service in the running launcher: a plugin with {@code llm} asks it over a local server
 * speaking OpenAI's wire format; the call is attributed and budgeted to that plugin; a plugin without
 * {@code llm} that references the service is refused; with no provider configured the platform stays
 * healthy and says how to configure one.
 */
class LlmIT {

    private static final String USER = "user-key-for-the-llm-test-0123456789";
    private static final String ADMIN = "admin-key-for-the-llm-test-0123456789";
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A question the local provider answers after a pause. */
    private static final String SLOWLY = "slowly";

    /** OpenAI's answer shape with its usage figures: 34 + 18 = 52 tokens. */
    private static final String COMPLETION = """
            {"id":"chatcmpl-test","object":"chat.completion","created":1755795600,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Yes, we ship to Canada."},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":34,"completion_tokens":18,"total_tokens":52}}
            """;

    @TempDir
    Path work;

    private HttpServer openAi;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startProvider() throws IOException {
        openAi = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        openAi.createContext("/v1/chat/completions", this::answer);
        openAi.start();
    }

    @AfterEach
    void stopProvider() {
        openAi.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            JsonNode asked = JSON.readTree(in);
            received.add(Map.of("method", exchange.getRequestMethod(),
                    "authorization", String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                    "body", asked));
            if (asked.toString().contains(SLOWLY)) { // the plugin has chained its callback well before the answer
                pause(Duration.ofMillis(300));
            }
            byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            out.write(body);
        }
    }

    @Test
    void aPluginWithLlmAsksTheConfiguredProviderWithinItsBudget() throws Exception {
        Path home = home();
        configureProvider(home);
        deploy(home, LlmTestPlugins.build(work, "chatter", "http, llm", "limits: {llm_tokens_per_hour: 40}"));
        deploy(home, LlmTestPlugins.build(work, "nollm", "http", ""));

        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitReady(api, "chatter");

            HttpResponse<String> first = Http.get(api + "/chatter/ask?q=" + "Do%20you%20ship%20to%20Canada%3F", USER);
            assertEquals(200, first.statusCode(), first.body());
            assertEquals("Yes, we ship to Canada.", json(first).path("content").asText());
            assertEquals("local", json(first).path("provider").asText());

            assertEquals(1, received.size());
            assertEquals("Bearer sk-test-key", received.get(0).get("authorization"));
            JsonNode request = (JsonNode) received.get(0).get("body");
            assertEquals("gpt-4o-mini", request.path("model").asText());
            assertEquals("system", request.path("messages").path(0).path("role").asText());
            assertEquals("Do you ship to Canada?", request.path("messages").path(1).path("content").asText());
            assertEquals(256, request.path("max_completion_tokens").asInt(), request.toString());

            JsonNode usage = json(Http.get(api + "/llm/usage", USER));
            JsonNode row = usage.path("usage").path(0);
            assertEquals(List.of("chatter", "local", "gpt-4o-mini"), List.of(row.path("plugin").asText(),
                    row.path("endpoint").asText(), row.path("model").asText()), usage.toString());
            assertEquals(34, row.path("prompt_tokens").asInt());
            assertEquals(18, row.path("completion_tokens").asInt());
            JsonNode window = usage.path("windows").path(0);
            assertEquals(52, window.path("tokens_last_hour").asInt(), usage.toString());
            assertEquals(40, window.path("budget").asInt());

            // 52 tokens counted against a budget of 40: refused until the first call leaves the window
            HttpResponse<String> second = Http.get(api + "/chatter/ask?q=again", USER);
            assertEquals(429, second.statusCode(), second.body());
            assertEquals("quota_exceeded", json(second).path("error").path("code").asText());
            assertTrue(json(second).path("error").path("message").asText().contains("room frees up at "), second.body());
            assertEquals(1, received.size(), "the refused call never reached the provider");

            JsonNode models = json(Http.get(api + "/llm/models", USER));
            assertEquals("gpt-4o-mini", models.path("models").path(0).path("model").asText(), models.toString());
            assertTrue(models.path("models").path(0).path("key_set").asBoolean());
            assertTrue(!models.toString().contains("sk-test-key"), models.toString());
            assertEquals(List.of(), ConsoleClient.of(launcher).pagesShowing("sk-test-key", ADMIN, USER),
                    "Web Console pages showing the provider's or an API key");

            JsonNode health = json(Http.get(api + "/health", USER));
            assertEquals("up", health.path("llm").path("status").asText(), health.toString());
            assertEquals(1, health.path("llm").path("endpoints").asInt());

            String metrics = Http.get(launcher.baseUrl() + "/metrics", ADMIN).body();
            assertTrue(metrics.contains("aibase_llm_tokens_total{plugin=\"chatter\",provider=\"local\","
                    + "model=\"gpt-4o-mini\",kind=\"prompt\"} 34"), metrics);
            assertTrue(metrics.contains("aibase_llm_failures_total{plugin=\"chatter\",provider=\"none\","
                    + "model=\"gpt-4o-mini\",kind=\"quota_exceeded\"} 1"), metrics);

            JsonNode nollm = plugin(api, "nollm.jar");
            assertEquals("rejected", nollm.path("state").asText(), nollm.toString());
            String reason = nollm.path("reason").asText() + nollm.path("report").toString();
            assertTrue(reason.contains("org.aibase.api.llm.LlmService (reference 'llm')")
                    && reason.contains("without permission 'llm'"), nollm.toString());
        }
    }

    @Test
    void whatAPluginChainsToAnAsynchronousAnswerRunsOnTheGovernorsThreads() throws Exception {
        Path home = home();
        configureProvider(home);
        deploy(home, LlmTestPlugins.build(work, "chatter", "http, llm", ""));

        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitReady(api, "chatter");
            HttpResponse<String> later = Http.get(api + "/chatter/ask/later?q=" + SLOWLY, USER);
            assertEquals(200, later.statusCode(), later.body());
            // on the gateway's own threads (aibase-llm-async-N) it would run outside the plugin's limits
            String thread = json(later).path("callback_thread").asText();
            assertTrue(thread.startsWith("aibase-work-"), "the plugin's callback ran on " + thread);
            assertEquals(1, received.size());
        }
    }

    @Test
    void withoutAProviderHealthSaysNotConfiguredAndCallsSayHowToConfigureOne() throws Exception {
        Path home = home();
        deploy(home, LlmTestPlugins.build(work, "chatter", "http, llm", ""));

        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitReady(api, "chatter");

            JsonNode health = json(Http.get(api + "/health", USER));
            assertEquals(Map.of("status", "not configured", "endpoints", 0),
                    JSON.convertValue(health.path("llm"), Map.class), health.toString());
            assertEquals("up", health.path("status").asText(), "no provider does not make the platform unhealthy");

            HttpResponse<String> answer = Http.get(api + "/chatter/ask?q=hi", USER);
            assertEquals(503, answer.statusCode(), answer.body());
            assertEquals("unavailable", json(answer).path("error").path("code").asText());
            assertTrue(json(answer).path("error").path("message").asText()
                    .contains("config/org.aibase.llm.provider-openai.cfg"), answer.body());
            assertEquals(false, json(Http.get(api + "/llm/models", USER)).path("configured").asBoolean(true));
            JsonNode usage = json(Http.get(api + "/llm/usage", USER));
            assertEquals("none", usage.path("usage").path(0).path("endpoint").asText(), usage.toString());
            assertEquals(1, usage.path("usage").path(0).path("failures").path("unavailable").asInt(), usage.toString());
            assertEquals(100_000, usage.path("windows").path(0).path("budget").asInt(), "the sandbox's default budget");
            assertTrue(received.isEmpty());
        }
    }

    private Path home() throws IOException {
        Path home = Files.createDirectories(work.resolve("home-" + System.nanoTime()));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"),
                "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "\n");
        return home;
    }

    /** The local server as the provider {@code local} with the model {@code gpt-4o-mini}. */
    private void configureProvider(Path home) throws IOException {
        Files.writeString(home.resolve("config/org.aibase.llm.provider-local.cfg"), "type=openai\nname=local\n"
                + "base.url=http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1\napi.key=sk-test-key\n"
                + "models=gpt-4o-mini\n");
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deploy(Path home, Path jar) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
    }

    /** Waits until the plugin is active and the platform healthy (health answers 200 once endpoints are served). */
    private static void awaitReady(String api, String id) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> health = Http.get(api + "/health");
            try {
                JsonNode record = plugin(api, id + ".jar");
                if ("active".equals(record.path("state").asText()) && health.statusCode() == 200) {
                    return;
                }
                last = record + "\n" + health.body();
            } catch (AssertionError notListedYet) {
                last = notListedYet.getMessage();
            }
            Thread.sleep(50);
        }
        throw new AssertionError(id + " did not become active and served within " + WAIT + ":\n" + last);
    }

    private static JsonNode plugin(String api, String file) throws Exception {
        JsonNode plugins = json(Http.get(api + "/plugins", ADMIN));
        for (JsonNode plugin : plugins.isArray() ? plugins : plugins.path("items")) {
            if (plugin.path("file").asText().equals(file)) {
                return plugin;
            }
        }
        throw new AssertionError(file + " is not listed: " + plugins);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
