package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;

/**
 * The MCP endpoint over the real launcher, driven by the MCP Java SDK's own client over its
 * Streamable HTTP transport: tools listed per role, a call run as POST /tasks runs it, a bad input
 * and a call past its plugin's timeout as tool errors, tools/list_changed when a plugin comes and
 * goes, and a foreign browser Origin refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpIT {

    private static final String ADMIN = "admin-key-for-the-mcp-test-0123456789";
    private static final String USER = "user-key-for-the-mcp-test-0123456789";
    /** A key only the rate test uses, so its allowance is its own. */
    private static final String HASTY = "hasty-user-key-for-the-mcp-test-0123";
    /** A key only the session test opens sessions with, and a stranger to the other keys' jobs. */
    private static final String OTHER = "other-user-key-for-the-mcp-test-0123";
    private static final int PER_MINUTE = 200;
    private static final int SESSIONS_PER_KEY = 3;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private String base;

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        RunningLauncher.deploy(home, "analytics.jar");
        MisbehavingPlugins.declaresAnAdminTask().writeInto(home.resolve("deploy"));
        MisbehavingPlugins.napsPastItsTimeout().writeInto(home.resolve("deploy"));
        MisbehavingPlugins.namesAnotherPluginsJob().writeInto(home.resolve("deploy"));
        Files.copy(JobTestPlugins.build(Files.createDirectories(home.resolve("work")), "stepper", """
                tasks:
                  - name: step
                    description: Submits a job that steps through its input, reporting progress
                    input: {type: object, properties: {steps: {type: integer}, ms: {type: integer}}}
                """), home.resolve("deploy/stepper.jar"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER
                + "," + HASTY + "," + OTHER + "\n");
        Files.writeString(home.resolve("config/org.aibase.rest.mcp.cfg"), "max.messages.per.minute=" + PER_MINUTE + "\n"
                + "max.sessions.per.key=" + SESSIONS_PER_KEY + "\n");
        launcher = RunningLauncher.ready(home);
        base = launcher.baseUrl();
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    private McpSyncClient client(String key, List<List<McpSchema.Tool>> changes) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + key)).build();
        McpSyncClient client = McpClient.sync(transport).requestTimeout(WAIT)
                .toolsChangeConsumer(changes::add).build();
        client.initialize();
        return client;
    }

    private static Set<String> names(McpSchema.ListToolsResult tools) {
        return tools.tools().stream().map(McpSchema.Tool::name).collect(Collectors.toSet());
    }

    @Test
    void eachRoleSeesItsToolsWithSchemasAndHints() {
        try (McpSyncClient user = client(USER, new CopyOnWriteArrayList<>());
             McpSyncClient admin = client(ADMIN, new CopyOnWriteArrayList<>())) {
            Set<String> userTools = names(user.listTools());
            assertTrue(userTools.containsAll(Set.of("hello-greet", "hello-echo", "keeper-tidy", "napper-nap")), userTools.toString());
            assertFalse(userTools.contains("keeper-purge"), "an admin task is no user's tool: " + userTools);
            assertTrue(names(admin.listTools()).contains("keeper-purge"));

            // the catalogue resource: every plugin, its state and the tools this key may call
            String catalogue = ((McpSchema.TextResourceContents) user.readResource(
                    new McpSchema.ReadResourceRequest("aibase://plugins")).contents().get(0)).text();
            com.fasterxml.jackson.databind.JsonNode keeper = java.util.stream.StreamSupport.stream(
                    GuardApi.json(catalogue).path("plugins").spliterator(), false)
                    .filter(p -> p.path("id").asText().equals("keeper")).findFirst().orElseThrow();
            assertEquals("active", keeper.path("state").asText(), catalogue);
            assertEquals("[\"keeper-tidy\"]", keeper.path("tools").toString(), catalogue);

            McpSchema.Tool greet = user.listTools().tools().stream().filter(t -> t.name().equals("hello-greet")).findFirst()
                    .orElseThrow();
            assertEquals("string", ((Map<?, ?>) ((Map<?, ?>) greet.inputSchema().get("properties")).get("name")).get("type"));
            assertEquals(List.of("message"), greet.outputSchema().get("required"));
            assertEquals(Boolean.TRUE, greet.annotations().readOnlyHint());
        }
    }

    @Test
    void aCallRunsTheTaskAndEveryFailureIsAToolError() {
        try (McpSyncClient user = client(USER, new CopyOnWriteArrayList<>())) {
            McpSchema.CallToolResult greeted = user.callTool(new McpSchema.CallToolRequest("hello-greet", Map.of("name", "Ada")));
            assertFalse(Boolean.TRUE.equals(greeted.isError()), greeted.toString());
            assertEquals(Map.of("message", "Hello, Ada!"), greeted.structuredContent());

            McpSchema.CallToolResult wrong = user.callTool(new McpSchema.CallToolRequest("hello-greet", Map.of("name", 7)));
            assertTrue(wrong.isError(), wrong.toString());
            assertTrue(text(wrong).startsWith("invalid: config.name:"), text(wrong));

            long before = System.nanoTime();
            McpSchema.CallToolResult late = user.callTool(new McpSchema.CallToolRequest("napper-nap", Map.of("seconds", 20)));
            assertTrue(late.isError(), late.toString());
            assertTrue(text(late).startsWith("timeout:"), text(late));
            assertTrue(System.nanoTime() - before < 10_000_000_000L, "stopped at the plugin's 1 s timeout, not after 20 s");
        }
    }

    @Test
    void toolsComeAndGoWithTheirPluginAndClientsHearOfIt() throws Exception {
        List<List<McpSchema.Tool>> changes = new CopyOnWriteArrayList<>();
        try (McpSyncClient user = client(USER, changes)) {
            Path jar = home.resolve("deploy/greeter.jar");
            Path built = PluginJars.withId(Path.of(System.getProperty("aibase.test.plugins"), "hello.jar"),
                    home.resolve("greeter.jar"), "greeter");
            Files.move(built, jar, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            awaitTrue(() -> changes.stream().anyMatch(tools -> tools.stream().anyMatch(t -> t.name().equals("greeter-greet"))),
                    () -> "list_changed with greeter's tools after its JAR landed: " + changes);
            McpSchema.CallToolResult greeted = user.callTool(new McpSchema.CallToolRequest("greeter-greet", Map.of("name", "Bo")));
            assertEquals(Map.of("message", "Hello, Bo!"), greeted.structuredContent());

            changes.clear(); // the list fetched after greeter's second tool came may still land after this
            Files.delete(jar);
            awaitTrue(() -> changes.stream().anyMatch(tools -> tools.stream().noneMatch(t -> t.name().startsWith("greeter-"))),
                    () -> "list_changed without greeter's tools: " + changes
                    + "\nthe session's tools/list now: " + listedNow(user));
            assertFalse(names(user.listTools()).contains("greeter-greet"));
        }
    }

    @Test
    void pluginsPromptTemplatesArePromptsWithTypedArguments() {
        try (McpSyncClient user = client(USER, new CopyOnWriteArrayList<>())) {
            McpSchema.Prompt analysis = user.listPrompts().prompts().stream().filter(p -> p.name().equals("analytics-analysis"))
                    .findFirst().orElseThrow(() -> new AssertionError("analytics' template: " + user.listPrompts()));
            assertEquals(List.of("dataset_name", "row_count", "column_count", "statistics", "data_quality", "sample_size",
                    "sample_rows"), analysis.arguments().stream().map(McpSchema.PromptArgument::name).toList());
            assertTrue(user.listPrompts().prompts().stream().noneMatch(p -> p.name().startsWith("hello-")),
                    "hello has no llm permission: nothing of it is a prompt");

            Map<String, Object> arguments = new java.util.HashMap<>(Map.of("dataset_name", "sales", "row_count", "2000",
                    "column_count", "10", "statistics", "{\"mean\": 4.5}", "data_quality", "{\"score\": 0.97}",
                    "sample_size", "2", "sample_rows", "[{\"a\": 1}, {\"a\": 2}]"));
            McpSchema.GetPromptResult prompt = user.getPrompt(new McpSchema.GetPromptRequest("analytics-analysis", arguments));
            String text = ((McpSchema.TextContent) prompt.messages().get(0).content()).text();
            assertTrue(text.contains("\"sales\" (2000 rows, 10 columns)") && text.contains("{\"mean\":4.5}"), text);

            arguments.put("row_count", "many");
            io.modelcontextprotocol.spec.McpError wrong = org.junit.jupiter.api.Assertions.assertThrows(
                    io.modelcontextprotocol.spec.McpError.class,
                    () -> user.getPrompt(new McpSchema.GetPromptRequest("analytics-analysis", arguments)));
            assertEquals(-32602, wrong.getJsonRpcError().code());
            assertTrue(wrong.getMessage().contains("row_count") && wrong.getMessage().contains("not a whole number"),
                    wrong.getMessage());
        }
    }

    @Test
    void aKeyThatSendsTooManyMessagesIsSlowedWith429() throws Exception {
        String message = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}";
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        String retryAfter = null;
        for (int i = 0; i < PER_MINUTE + 30; i++) {
            HttpResponse<String> answer = Http.send("POST", base + "/mcp", HASTY, "application/json",
                    BodyPublishers.ofString(message), "Accept", "application/json, text/event-stream", "Mcp-Session-Id", "none");
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            if (answer.statusCode() == 429) {
                retryAfter = answer.headers().firstValue("Retry-After").orElse(null);
                assertEquals("too_many_requests", GuardApi.json(answer.body()).path("error").path("code").asText());
            }
        }
        assertTrue(statuses.getOrDefault(429, 0) >= 20 && statuses.getOrDefault(429, 0) <= 30, statuses.toString());
        assertTrue(retryAfter != null && Integer.parseInt(retryAfter) >= 1, retryAfter);
        // another key keeps its own allowance
        try (McpSyncClient user = client(USER, new CopyOnWriteArrayList<>())) {
            assertTrue(names(user.listTools()).contains("hello-greet"));
        }
    }

    @Test
    void aTaskThatSubmitsAJobReportsItsProgressAndAnswersWithItsResult() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + USER)).build();
        try (McpSyncClient user = McpClient.sync(transport).requestTimeout(WAIT).progressConsumer(progress::add).build()) {
            user.initialize();
            McpSchema.CallToolResult done = user.callTool(new McpSchema.CallToolRequest("stepper-step",
                    Map.of("steps", 4, "ms", 300), Map.of("progressToken", "follow-1")));
            assertFalse(Boolean.TRUE.equals(done.isError()), done.toString());
            Map<?, ?> data = (Map<?, ?>) done.structuredContent();
            assertEquals("completed", data.get("status"), data.toString());
            assertTrue(data.get("job_id") instanceof String id && !id.isEmpty(), data.toString());
            assertTrue(progress.size() >= 2 && progress.stream().allMatch(p -> "follow-1".equals(p.progressToken())),
                    "progress while the job ran: " + progress);
            assertEquals(1.0, progress.get(progress.size() - 1).progress(), 0.001, "a job's progress is a fraction: " + progress);
            assertEquals(1.0, progress.get(0).total(), 0.001);

            // without a progress token the call answers at once, with the job id to look it up by
            McpSchema.CallToolResult submitted = user.callTool(new McpSchema.CallToolRequest("stepper-step",
                    Map.of("steps", 1, "ms", 10)));
            assertTrue(((Map<?, ?>) submitted.structuredContent()).get("job_id") instanceof String, submitted.toString());

            // a plugin that names another plugin's job gets its caller nothing of that job
            String others = (String) data.get("job_id");
            McpSchema.CallToolResult stolen = user.callTool(new McpSchema.CallToolRequest("thief-steal",
                    Map.of("job", others), Map.of("progressToken", "steal-1")));
            assertTrue(stolen.isError(), stolen.toString());
            assertTrue(text(stolen).startsWith("job_not_found:"), text(stolen));
            assertFalse(stolen.toString().contains("step 4 of 4"), stolen.toString());
            assertTrue(progress.stream().noneMatch(p -> "steal-1".equals(p.progressToken())), progress.toString());

            // the job is a resource: its submitter's key and an admin key read it, another user's key finds nothing
            String uri = "aibase://jobs/" + others;
            assertEquals(uri, data.get("job_resource"));
            assertTrue(jobResource(user, uri).contains("\"status\":\"completed\""), jobResource(user, uri));
            try (McpSyncClient admin = client(ADMIN, new CopyOnWriteArrayList<>());
                 McpSyncClient stranger = client(OTHER, new CopyOnWriteArrayList<>())) {
                assertTrue(jobResource(admin, uri).contains("step 4 of 4") || jobResource(admin, uri).contains("completed"));
                McpError notYours = assertThrows(McpError.class, () -> jobResource(stranger, uri));
                assertEquals(McpSchema.ErrorCodes.RESOURCE_NOT_FOUND, notYours.getJsonRpcError().code(), notYours.toString());
                assertTrue(admin.listResourceTemplates().resourceTemplates().stream()
                        .anyMatch(t -> t.uriTemplate().equals("aibase://jobs/{id}")));
            }
        }
    }

    @Test
    void theAnalyticsTaskIsFollowedToItsResult() {
        List<McpSchema.ProgressNotification> progress = new CopyOnWriteArrayList<>();
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(base).endpoint("/mcp")
                .requestBuilder(java.net.http.HttpRequest.newBuilder().header("Authorization", "Bearer " + USER)).build();
        try (McpSyncClient user = McpClient.sync(transport).requestTimeout(WAIT).progressConsumer(progress::add).build()) {
            user.initialize();
            List<Map<String, Object>> records = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                records.add(Map.of("region", i % 2 == 0 ? "north" : "south", "amount", 10 + i));
            }
            McpSchema.CallToolResult done = user.callTool(new McpSchema.CallToolRequest("analytics-analyze",
                    Map.of("name", "sales", "records", records, "config", Map.of("analysis_depth", "basic")),
                    Map.of("progressToken", "analysis-1")));
            assertFalse(Boolean.TRUE.equals(done.isError()), done.toString());
            Map<?, ?> data = (Map<?, ?>) done.structuredContent();
            assertEquals("completed", data.get("status"), data.toString());
            assertEquals(40, ((Number) ((Map<?, ?>) data.get("result")).get("row_count")).intValue(), data.toString());
            assertFalse(progress.isEmpty(), "progress while the analysis ran");

            McpSchema.CallToolResult refused = user.callTool(new McpSchema.CallToolRequest("analytics-analyze",
                    Map.of("name", "sales", "records", List.of())));
            assertTrue(refused.isError(), refused.toString());
            assertTrue(text(refused).contains("records"), text(refused));
        }
    }

    @Test
    void aKeysSessionsAreCappedAndItsLeastRecentlyUsedOneEnds() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}";
        List<String> sessions = new java.util.ArrayList<>();
        for (int i = 0; i <= SESSIONS_PER_KEY; i++) {
            HttpResponse<String> opened = Http.send("POST", base + "/mcp", OTHER, "application/json",
                    BodyPublishers.ofString(initialize), "Accept", "application/json, text/event-stream");
            assertEquals(200, opened.statusCode(), opened.body());
            sessions.add(opened.headers().firstValue("Mcp-Session-Id").orElseThrow());
        }
        // the first was ended to make room for the last: the SDK forgot it (404 tells a client to start anew)
        HttpResponse<String> ended = Http.send("POST", base + "/mcp", OTHER, "application/json", BodyPublishers.ofString(ping),
                "Accept", "application/json, text/event-stream", "Mcp-Session-Id", sessions.get(0));
        assertEquals(404, ended.statusCode(), ended.body());
        for (String live : sessions.subList(1, sessions.size())) {
            HttpResponse<String> answer = Http.send("POST", base + "/mcp", OTHER, "application/json",
                    BodyPublishers.ofString(ping), "Accept", "application/json, text/event-stream", "Mcp-Session-Id", live);
            assertEquals(200, answer.statusCode(), answer.body());
        }
        // a client that ends its session frees its place: the next one ends no other
        assertEquals(200, Http.send("DELETE", base + "/mcp", OTHER, null, BodyPublishers.noBody(),
                "Mcp-Session-Id", sessions.get(1)).statusCode());
        HttpResponse<String> next = Http.send("POST", base + "/mcp", OTHER, "application/json",
                BodyPublishers.ofString(initialize), "Accept", "application/json, text/event-stream");
        assertEquals(200, next.statusCode());
        HttpResponse<String> stillLive = Http.send("POST", base + "/mcp", OTHER, "application/json",
                BodyPublishers.ofString(ping), "Accept", "application/json, text/event-stream", "Mcp-Session-Id", sessions.get(2));
        assertEquals(200, stillLive.statusCode(), stillLive.body());
    }

    private static String jobResource(McpSyncClient client, String uri) {
        return ((McpSchema.TextResourceContents) client.readResource(new McpSchema.ReadResourceRequest(uri)).contents()
                .get(0)).text();
    }

    @Test
    void aForeignOriginAndAMissingKeyAreRefused() throws Exception {
        String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\","
                + "\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}";
        HttpResponse<String> foreign = Http.send("POST", base + "/mcp", USER, "application/json", BodyPublishers.ofString(initialize),
                "Accept", "application/json, text/event-stream", "Origin", "http://attacker.example");
        assertEquals(403, foreign.statusCode(), foreign.body());
        HttpResponse<String> local = Http.send("POST", base + "/mcp", USER, "application/json", BodyPublishers.ofString(initialize),
                "Accept", "application/json, text/event-stream", "Origin", "http://localhost:5173");
        assertEquals(200, local.statusCode(), local.body());
        HttpResponse<String> anonymous = Http.send("POST", base + "/mcp", null, "application/json",
                BodyPublishers.ofString(initialize), "Accept", "application/json, text/event-stream");
        assertEquals(401, anonymous.statusCode());
        assertEquals("unauthorized", GuardApi.json(anonymous.body()).path("error").path("code").asText());
        HttpResponse<String> wrongKey = Http.send("POST", base + "/mcp", "not-a-key", "application/json",
                BodyPublishers.ofString(initialize), "Accept", "application/json, text/event-stream");
        assertEquals(401, wrongKey.statusCode());
    }

    @Test
    void theOfficialTypeScriptClientListsAndCalls() throws Exception {
        // a client no one here wrote: @modelcontextprotocol/sdk from npm, driven by src/test/resources/mcp-client
        Path work = Path.of("target", "mcp-client");
        Files.createDirectories(work);
        for (String file : List.of("package.json", "client.mjs")) {
            Files.copy(Path.of("src/test/resources/mcp-client", file), work.resolve(file),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        run(work, Duration.ofMinutes(5), "npm", "install", "--no-audit", "--no-fund", "--loglevel=error");
        String output = run(work, Duration.ofMinutes(1), "node", "client.mjs", base + "/mcp", USER);
        com.fasterxml.jackson.databind.JsonNode answer = GuardApi.json(output.lines().reduce((a, b) -> b).orElse("{}"));
        assertEquals("aibase", answer.path("server").path("name").asText(), output);
        assertTrue(answer.path("tools").toString().contains("\"hello-greet\""), output);
        assertFalse(answer.path("tools").toString().contains("keeper-purge"), output);
        assertEquals("Hello, Ada!", answer.path("greeted").path("structuredContent").path("message").asText(), output);
        assertTrue(answer.path("refused").path("isError").asBoolean(), output);
        assertTrue(answer.path("refused").path("content").path(0).path("text").asText().startsWith("invalid: config.name"), output);
    }

    private static String run(Path directory, Duration limit, String... command) throws Exception {
        Path log = Files.createTempFile(directory, "output", ".log");
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        boolean ended = process.waitFor(limit.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        if (!ended) {
            process.destroyForcibly();
        }
        String text = Files.readString(log);
        assertTrue(ended, String.join(" ", command) + " did not end within " + limit + ":\n" + text);
        assertEquals(0, process.exitValue(), String.join(" ", command) + ":\n" + text);
        return text;
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }

    private static String listedNow(McpSyncClient client) {
        try {
            return names(client.listTools()).toString();
        } catch (RuntimeException e) {
            return "failed: " + e;
        }
    }

    /** Waits for the condition; on failure says what was awaited, with the runtime's state at that moment. */
    private void awaitTrue(java.util.function.BooleanSupplier condition, java.util.function.Supplier<String> what)
            throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what.get() + "\n" + launcher.diagnosis(60));
            }
            Thread.sleep(50);
        }
    }
}
