package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.aibase.isolation.child.ChildProtocol;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Plugins with {@code security: isolated} over the real launcher: each runs in a JVM of its own that
 * the runtime supervises. What no in-process guard can stop — a heap that grows to the end, a thread
 * deaf to interrupts — ends that JVM alone; the runtime's memory stays flat and the other plugins
 * answer throughout; and no child outlives its runtime, even one killed with {@code kill -9}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolatedPluginIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    /** A local server speaking OpenAI's chat completions wire format: the provider of the isolated LLM plugin. */
    private static final String COMPLETION = """
            {"id":"chatcmpl-test","object":"chat.completion","created":1755795600,"model":"gpt-4o-mini-2024-07-18",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Yes, we ship to Canada."},
                         "logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":34,"completion_tokens":18,"total_tokens":52}}
            """;

    /** The jobs plugins' limits and their declared task. */
    private static final String WORKER = "limits: {jobs: 2}\ntasks:\n  - name: step\n    description: submits a stepping job";

    private RunningLauncher launcher;
    private GuardApi api;
    private String base;
    private com.sun.net.httpserver.HttpServer openAi;
    private final List<String> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An isolated plugin: {@code GET /<id>/greet?name=} and {@code /hold?mb=} (keeps that much heap), a task {@code greet}. */
    static MisbehavingPlugin isolated(String id, String limits) {
        return isolated(id, limits, "Hello from my own JVM");
    }

    static MisbehavingPlugin isolated(String id, String limits, String greeting) {
        return isolated(id, limits, greeting, "");
    }

    /**
     * The isolated plugin with more resource methods; {@code GET /<id>/ticks?n=&ms=} streams {@code n}
     * server-sent events {@code ms} apart, written and flushed by the resource method itself (a plugin in
     * its own JVM has no threads of its own to send them from later).
     */
    static MisbehavingPlugin isolated(String id, String limits, String greeting, String moreMethods) {
        String resource = MisbehavingPlugins.type(id, "Resource");
        String tasks = MisbehavingPlugins.type(id, "Tasks");
        return MisbehavingPlugin.withId(id)
                .yaml("security: isolated")
                .yaml("permissions: [http]")
                .yaml("limits: {" + limits + "}")
                .yaml("defaults: {greeting: \"" + greeting + "\"}")
                .yaml("tasks:\n  - name: greet\n    description: greets")
                .header("Import-Package", "jakarta.ws.rs,jakarta.ws.rs.core,org.aibase.api.plugin")
                .source(resource, """
                        package %s;
                        import java.util.ArrayList;
                        import java.util.List;
                        import java.util.Map;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        import jakarta.ws.rs.QueryParam;

                        @Path("")
                        public class Resource {
                            static final List<byte[]> KEPT = new ArrayList<>();
                            private volatile String greeting;

                            void activate(Map<String, Object> configuration) {
                                greeting = String.valueOf(configuration.get("greeting"));
                            }

                            @GET @Path("greet")
                            public String greet(@QueryParam("name") String name) {
                                return greeting + ", " + name;
                            }

                            @GET @Path("hold")
                            public String hold(@QueryParam("mb") int mb) {
                                for (int i = 0; i < mb; i++) {
                                    KEPT.add(new byte[1 << 20]);
                                }
                                return "kept " + KEPT.size() + " MB";
                            }

                            @GET @Path("spin")
                            public String spin() {
                                long spins = 0;
                                while (spins >= 0) {
                                    spins++; // deaf to interrupts, for ever
                                }
                                return "never";
                            }

                            @GET @Path("ticks") @jakarta.ws.rs.Produces("text/event-stream")
                            public jakarta.ws.rs.core.StreamingOutput ticks(@QueryParam("n") int n, @QueryParam("ms") long ms) {
                                return out -> {
                                    for (int i = 1; i <= n; i++) {
                                        out.write(("data: tick " + i + "\\n\\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                                        out.flush();
                                        try {
                                            Thread.sleep(ms);
                                        } catch (InterruptedException e) {
                                            Thread.currentThread().interrupt();
                                            return;
                                        }
                                    }
                                };
                            }
                            %s
                        }
                        """.formatted(MisbehavingPlugins.pkg(id), moreMethods))
                .component(resource, MisbehavingPlugins.endpoint(id, resource, "")
                        .replace("name=\"" + resource + "\"", "name=\"" + resource + "\" configuration-pid=\"aibase.plugin." + id
                                + "\" activate=\"activate\""))
                .source(tasks, """
                        package %s;
                        import java.util.Map;
                        import org.aibase.api.plugin.Plugin;
                        import org.aibase.api.plugin.TaskRequest;
                        import org.aibase.api.plugin.TaskResult;
                        public class Tasks implements Plugin {
                            public TaskResult execute(TaskRequest request) {
                                return TaskResult.ok(Map.of("message", "Hello, " + request.config().get("name")));
                            }
                        }
                        """.formatted(MisbehavingPlugins.pkg(id)))
                .component(tasks, MisbehavingPlugins.component(tasks, """
                          <service><provide interface="org.aibase.api.plugin.Plugin"/></service>
                        """));
    }

    @BeforeAll
    void start() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        isolated("hog", "memory: 64MB").writeInto(Files.createDirectories(home.resolve("deploy")));
        isolated("deaf", "timeout: 1s").writeInto(home.resolve("deploy"));
        openAi = com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        openAi.createContext("/", exchange -> {
            try (var in = exchange.getRequestBody(); var out = exchange.getResponseBody()) {
                asked.add(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
                byte[] body = COMPLETION.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                out.write(body);
            }
        });
        openAi.start();
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + JobsIT.ADMIN + "\nuser.keys="
                + JobsIT.USER + "," + JobsIT.STRANGER + "\n");
        Files.writeString(home.resolve("config/org.aibase.llm.provider-local.cfg"), "type=openai\nname=local\n"
                + "base.url=http://127.0.0.1:" + openAi.getAddress().getPort() + "/v1\napi.key=sk-test-key\nmodels=gpt-4o-mini\n");
        Path work = Files.createDirectories(home.resolve("work"));
        Files.copy(LlmTestPlugins.build(work, "ichatter", "http, llm", "limits: {llm_tokens_per_hour: 40}", "isolated"),
                home.resolve("deploy/ichatter.jar"));
        // the same jobs plugin twice: in its own JVM and in-process
        Files.copy(JobTestPlugins.build(work, "iworker", WORKER, "isolated"), home.resolve("deploy/iworker.jar"));
        Files.copy(JobTestPlugins.build(work, "sworker", WORKER, "sandbox"), home.resolve("deploy/sworker.jar"));
        launcher = RunningLauncher.ready(home);
        base = launcher.baseUrl();
        api = new GuardApi(base + "/api/v1", JobsIT.ADMIN);
        api.awaitSettled(List.of("hello.jar", "hog.jar", "deaf.jar", "ichatter.jar", "iworker.jar", "sworker.jar"), WAIT).forEach((file, record) ->
                assertEquals("active", record.path("state").asText(), file + ": " + record));
    }

    @AfterAll
    void stop() throws Exception {
        if (openAi != null) {
            openAi.stop(0);
        }
        if (launcher != null) {
            // a runtime stopped as an operator stops it (SIGTERM) stops its plugins' JVMs within 10 s
            Set<Long> children = childrenOf(home, Optional.empty());
            long stopping = System.nanoTime();
            try {
                launcher.terminate(Duration.ofSeconds(30));
                while (children.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        && System.nanoTime() - stopping < 10_000_000_000L) {
                    Thread.sleep(50);
                }
                assertTrue(children.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                        "every JVM of an isolated plugin ended within 10 s of the runtime's stop: " + children);
            } finally {
                launcher.close();
            }
        }
    }

    @Test
    void anIsolatedPluginAnswersItsRequestsAndTasksFromItsOwnJvm() throws Exception {
        HttpResponse<String> greeted = Http.get(base + "/api/v1/hog/greet?name=Ada", api.key());
        assertEquals(200, greeted.statusCode(), greeted.body());
        assertEquals("Hello from my own JVM, Ada", greeted.body());
        HttpResponse<String> task = Http.send("POST", base + "/api/v1/plugins/hog/tasks", api.key(), "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"greet\",\"config\":{\"name\":\"Bo\"}}"));
        assertEquals(200, task.statusCode(), task.body());
        assertEquals("Hello, Bo", GuardApi.json(task.body()).path("data").path("message").asText(), task.body());
        assertTrue(childOf("hog").isPresent(), "a JVM runs the plugin: " + childrenOf(home, Optional.empty()));
        // its usage figures name its JVM: the heap is limits.memory (64 MB) plus the JVM's base (64 MB)
        var jvm = api.usage("hog").path("jvm");
        long heapMax = jvm.path("heap_max_bytes").asLong();
        assertTrue(heapMax > 100L << 20 && heapMax <= 128L << 20, "heap limit " + heapMax);
        assertTrue(jvm.path("cpu_ms").asLong() > 0 && jvm.path("resident_bytes").asLong() > 0, jvm.toString());
        // where the machine has prlimit, the JVM may map its heap and 1 GiB more, not what it likes
        if (Files.isExecutable(Path.of("/usr/bin/prlimit"))) {
            String limits = Files.readString(Path.of("/proc/" + jvm.path("pid").asLong() + "/limits"));
            assertTrue(limits.lines().anyMatch(line -> line.startsWith("Max address space")
                    && line.contains(String.valueOf((128L << 20) + (1L << 30)))), limits);
        }
        // its credentials never reach the plugin's JVM, only the caller's role; without a key: 401, as for any plugin
        assertEquals(401, Http.get(base + "/api/v1/hog/greet?name=x").statusCode());
    }

    @Test
    void anIsolatedPluginAsksTheLlmThroughTheRuntimeWithinItsTokenBudget() throws Exception {
        HttpResponse<String> first = Http.get(base + "/api/v1/ichatter/ask?q=Do%20you%20ship%20to%20Canada%3F", api.key());
        assertEquals(200, first.statusCode(), first.body());
        assertEquals("Yes, we ship to Canada.", GuardApi.json(first.body()).path("content").asText(), first.body());
        assertEquals("local", GuardApi.json(first.body()).path("provider").asText());
        assertEquals(1, asked.size());
        assertTrue(asked.get(0).contains("Do you ship to Canada?") && asked.get(0).contains("gpt-4o-mini"), asked.get(0));
        assertTrue(childOf("ichatter").isPresent(), "it asked from its own JVM");
        // the budget is the plugin's, kept by the runtime: 52 tokens used of 40 per hour, the next call is refused there
        HttpResponse<String> second = Http.get(base + "/api/v1/ichatter/ask?q=again", api.key());
        assertEquals(429, second.statusCode(), second.body());
        assertEquals("quota_exceeded", GuardApi.json(second.body()).path("error").path("code").asText(), second.body());
        assertEquals(1, asked.size(), "the provider was not asked past the budget");
    }

    @Test
    void aPluginThatForgesItsJvmsReadyLineDoesNotRedirectItsCalls() throws Exception {
        // the plugin writes to the standard output the runtime reads its JVM's port from: a dead port, then the runtime's own
        String id = "liar";
        String type = MisbehavingPlugins.type(id, "Liar");
        MisbehavingPlugin.withId(id)
                .yaml("security: isolated")
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs")
                .source(type, """
                        package %s;
                        import jakarta.ws.rs.GET;
                        import jakarta.ws.rs.Path;
                        @Path("hi")
                        public class Liar {
                            public Liar() {
                                System.out.println("aibase-child-ready 1");
                                System.out.println("aibase-child-ready %d");
                                System.out.flush();
                            }
                            @GET
                            public String hi() {
                                return "liar's own answer";
                            }
                        }
                        """.formatted(MisbehavingPlugins.pkg(id), java.net.URI.create(base).getPort()))
                .component(type, MisbehavingPlugins.endpoint(id, type, ""))
                .writeInto(home.resolve("deploy"));
        api.awaitSettled(List.of("liar.jar"), WAIT);
        awaitTrue(() -> status(base + "/api/v1/liar/hi") == 200, "liar serves from its own JVM");
        assertEquals("liar's own answer", Http.get(base + "/api/v1/liar/hi", api.key()).body());
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("[liar] ignored a ready line")),
                "the forged lines are named in the log");
    }

    @Test
    void aHeapThatGrowsToTheEndEndsOnlyThePluginsJvmWhichStartsAgain() throws Exception {
        long pid = childOf("hog").orElseThrow();
        long rssBefore = rssKib(launcher.process().pid());
        Map<Integer, Integer> hello = new TreeMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        Thread others = callWhile(calling, base + "/api/v1/hello/greeting?name=Ada", hello);
        HttpResponse<String> hogged = Http.get(base + "/api/v1/hog/hold?mb=2048", api.key());
        assertEquals(503, hogged.statusCode(), hogged.body());
        assertTrue(hogged.headers().firstValue("Retry-After").isPresent());
        awaitTrue(() -> childOf("hog").filter(p -> p != pid).isPresent(), "a new JVM for hog after the old one ran out of memory");
        awaitTrue(() -> status(base + "/api/v1/hog/greet?name=again") == 200, "hog serves again");
        calling.set(false);
        others.join();
        assertEquals(Set.of(200), hello.keySet(), "hello answered throughout: " + hello);
        long rssAfter = rssKib(launcher.process().pid());
        assertTrue(rssAfter - rssBefore < 100 * 1024, "the runtime's RSS stayed flat: " + rssBefore + " -> " + rssAfter + " KiB");
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("[hog]") || line.contains("'hog'")),
                "the JVM's end is in the runtime's log, with the plugin's id");
    }

    @Test
    void workDeafToInterruptsIsAnswered503AtTheTimeoutAndItsJvmIsKilled() throws Exception {
        long pid = childOf("deaf").orElseThrow();
        long started = System.nanoTime();
        HttpResponse<String> spun = Http.get(base + "/api/v1/deaf/spin", api.key());
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(503, spun.statusCode(), spun.body());
        assertTrue(tookMillis < 5_000, "answered at the 1 s timeout, not later: " + tookMillis + " ms");
        // the runaway grace (5 s) later, the spinning JVM is killed: its CPU is free again
        awaitTrue(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the spinning JVM " + pid + " was killed\n"
                + launcher.lastLines(30));
        awaitTrue(() -> childOf("deaf").filter(p -> p != pid).isPresent(), "a new JVM for deaf");
        awaitTrue(() -> status(base + "/api/v1/deaf/greet?name=x") == 200, "deaf serves again");
    }

    @Test
    void anIsolatedPluginReplacedUnderLoadAnswersEveryRequest() throws Exception {
        Path deploy = home.resolve("deploy");
        isolated("swapper", "timeout: 30s", "Hello v0").writeInto(deploy);
        api.awaitSettled(List.of("swapper.jar"), WAIT);
        awaitTrue(() -> status(base + "/api/v1/swapper/greet?name=x") == 200, "swapper serves");
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        List<Thread> callers = new java.util.ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread caller = new Thread(() -> {
                while (calling.get()) {
                    try {
                        HttpResponse<String> answer = Http.get(base + "/api/v1/swapper/greet?name=x", api.key());
                        answers.merge(answer.statusCode() == 200 ? answer.body() : answer.statusCode() + " " + answer.body(),
                                1, Integer::sum);
                    } catch (IOException e) {
                        answers.merge("failed: " + e, 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            caller.start();
            callers.add(caller);
        }
        for (int version = 1; version <= 3; version++) {
            Thread.sleep(1_000);
            isolated("swapper", "timeout: 30s", "Hello v" + version).writeInto(deploy);
            String expected = "Hello v" + version + ", x";
            awaitTrue(() -> answers.containsKey(expected), "version " + version + " answers: " + answers.keySet());
        }
        calling.set(false);
        for (Thread caller : callers) {
            caller.join();
        }
        assertTrue(answers.keySet().stream().allMatch(answer -> answer.startsWith("Hello v")),
                "every request answered 200 by one version or the next: " + answers);
    }

    @Test
    void aNewConfigurationReachesTheJvmWhichIsRenewedWithoutAFailedRequest() throws Exception {
        assertEquals("Hello from my own JVM, x", Http.get(base + "/api/v1/deaf/greet?name=x", api.key()).body());
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        Thread caller = new Thread(() -> {
            while (calling.get()) {
                try {
                    HttpResponse<String> answer = Http.get(base + "/api/v1/deaf/greet?name=x", api.key());
                    answers.merge(answer.statusCode() + " " + answer.body(), 1, Integer::sum);
                } catch (IOException e) {
                    answers.merge("failed: " + e, 1, Integer::sum);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        caller.start();
        long pid = childOf("deaf").orElseThrow();
        HttpResponse<String> changed = Http.send("PUT", base + "/api/v1/plugins/deaf/config", api.key(), "application/json",
                java.net.http.HttpRequest.BodyPublishers.ofString("{\"greeting\":\"Howdy\"}"));
        assertEquals(200, changed.statusCode(), changed.body());
        awaitTrue(() -> answers.containsKey("200 Howdy, x"), "the new configuration answers: " + answers.keySet());
        calling.set(false);
        caller.join();
        assertTrue(answers.keySet().stream().allMatch(answer -> answer.startsWith("200 ")), "no failed request: " + answers);
        awaitTrue(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the JVM with the old configuration ended");
    }

    @Test
    void aJvmThatStopsAnsweringItsHealthCheckIsKilledAndStartedAgain() throws Exception {
        awaitTrue(() -> status(base + "/api/v1/hog/greet?name=x") == 200, "hog serves");
        long pid = childOf("hog").orElseThrow();
        // frozen, as a JVM stuck in a collection or a deadlock of its own would be
        assertEquals(0, new ProcessBuilder("kill", "-STOP", String.valueOf(pid)).start().waitFor());
        awaitTrue(() -> ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "the frozen JVM " + pid + " was killed\n"
                + launcher.lastLines(30));
        awaitTrue(() -> childOf("hog").filter(p -> p != pid).isPresent(), "a new JVM for hog");
        awaitTrue(() -> status(base + "/api/v1/hog/greet?name=x") == 200, "hog serves again");
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("health check")),
                "the log says why it was killed");
    }

    @Test
    void anIsolatedPluginsJobsRunInItsJvmAndEndAsTheSamePluginsInProcess() throws Exception {
        String api = base + "/api/v1";
        Map<String, com.fasterxml.jackson.databind.JsonNode> finished = new TreeMap<>();
        for (String plugin : List.of("iworker", "sworker")) {
            // submitted by the plugin's endpoint for the user who called it
            String id = JobsIT.submit(api, plugin, "slow", 1, 3, 100).get(0);
            finished.put(plugin, GuardApi.json(Http.await(api + "/jobs/" + id, JobsIT.USER,
                    r -> r.body().contains("\"completed\"") || r.body().contains("\"failed\""), WAIT).body()));
            assertEquals(404, Http.get(api + "/jobs/" + id, JobsIT.STRANGER).statusCode(),
                    plugin + ": the job is its submitter's, not another user's");
        }
        var isolatedJob = finished.get("iworker");
        var inProcessJob = finished.get("sworker");
        assertEquals("completed", isolatedJob.path("status").asText(), isolatedJob.toString());
        for (String field : List.of("status", "progress", "message", "result", "attempts", "error", "node")) {
            assertEquals(inProcessJob.path(field), isolatedJob.path(field), field + " as in-process: " + finished);
        }
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("[iworker]") && line.contains("JOB-RAN "
                + isolatedJob.path("id").asText())), "the attempt ran in the plugin's JVM, whose output names the plugin");

        // a task submits a job from the JVM; the job runs there too
        HttpResponse<String> task = Http.send("POST", api + "/plugins/iworker/tasks", JobsIT.USER,
                "application/json", java.net.http.HttpRequest.BodyPublishers.ofString("{\"type\":\"step\",\"config\":{\"steps\":2,\"ms\":50}}"));
        assertEquals(200, task.statusCode(), task.body());
        String stepped = GuardApi.json(task.body()).path("job_id").asText();
        assertTrue(Http.await(api + "/jobs/" + stepped, JobsIT.USER, r -> r.body().contains("\"completed\""), WAIT)
                .body().contains("\"steps\":2"), "the task's job completed");

        // a cancel reaches the attempt in the JVM, which ends without its JVM being killed
        long pid = childOf("iworker").orElseThrow();
        String running = JobsIT.submit(api, "iworker", "slow", 1, 200, 100).get(0);
        Http.await(api + "/jobs/" + running, JobsIT.USER, r -> r.body().contains("step 2 of 200"), WAIT);
        HttpResponse<String> cancelled = Http.send("DELETE", api + "/jobs/" + running, JobsIT.ADMIN, null, null);
        assertEquals(200, cancelled.statusCode(), cancelled.body());
        assertEquals("cancelled", GuardApi.json(cancelled.body()).path("status").asText());
        Thread.sleep(1_000);
        String progressed = GuardApi.json(Http.get(api + "/jobs/" + running, JobsIT.USER).body()).path("message").asText();
        Thread.sleep(500);
        assertEquals(progressed, GuardApi.json(Http.get(api + "/jobs/" + running, JobsIT.USER).body()).path("message").asText(),
                "the attempt stopped stepping");
        assertEquals(Optional.of(pid), childOf("iworker"), "a cancelled job does not cost the plugin its JVM");
        // the plugin's jobs service lists its own jobs, in its JVM as in-process
        HttpResponse<String> tooLarge = Http.send("POST", api + "/iworker/submit?type=slow&pad=" + (1 << 20), JobsIT.USER,
                null, null);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertTrue(tooLarge.body().contains("at most 1048576 bytes (1 MB)"), tooLarge.body());
        HttpResponse<String> unknownType = Http.send("POST", api + "/iworker/submit?type=nope", JobsIT.USER, null, null);
        assertEquals(422, unknownType.statusCode(), unknownType.body());
        assertEquals("unknown_type", GuardApi.json(unknownType.body()).path("error").path("code").asText());
    }

    @Test
    void anEventStreamFromAnIsolatedPluginFlowsAsItIsWrittenAndOutlivesTheTimeout() throws Exception {
        // deaf's timeout is 1 s; its stream lasts about 2 s, each event arriving as it is written
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<java.util.stream.Stream<String>> answer = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(base + "/api/v1/deaf/ticks?n=4&ms=500")).header("Authorization", "Bearer " + api.key()).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, answer.statusCode());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"), answer.headers().map()
                .toString());
        List<Long> arrivals = new java.util.ArrayList<>();
        List<String> events = new java.util.ArrayList<>();
        answer.body().filter(line -> line.startsWith("data: ")).forEach(line -> {
            events.add(line);
            arrivals.add((System.nanoTime() - started) / 1_000_000);
        });
        assertEquals(List.of("data: tick 1", "data: tick 2", "data: tick 3", "data: tick 4"), events);
        assertTrue(arrivals.get(0) < 900, "the first event came as it was written, not with the last: " + arrivals + " ms");
        assertTrue(arrivals.get(3) >= 1_400, "the stream went on past the 1 s timeout: " + arrivals + " ms");
    }

    @Test
    void aPluginWhoseJvmCallsSystemExitEndsOnlyThatJvm() throws Exception {
        Path deploy = home.resolve("deploy");
        isolated("quitter", "memory: 64MB").writeInto(deploy);
        awaitServing("quitter");
        // the verifier refuses System.exit at deploy; here it is skipped: the JAR its JVM reads is swapped
        // after validation for one that exits, and its JVM killed so that the next reads it
        Path hostile = isolated("quitter", "memory: 64MB", "Hello", """
                @GET @Path("quit")
                public String quit() {
                    System.exit(7);
                    return "unreachable";
                }
                """).writeInto(Files.createDirectories(home.resolve("work/hostile")));
        Path copy;
        try (var files = Files.walk(home)) {
            copy = files.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().equals("children")
                    && p.getFileName().toString().startsWith("quitter-") && p.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
        Files.copy(hostile, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        long first = childOf("quitter").orElseThrow();
        ProcessHandle.of(first).ifPresent(ProcessHandle::destroyForcibly);
        awaitTrue(() -> childOf("quitter").filter(p -> p != first).isPresent()
                && status(base + "/api/v1/quitter/greet?name=x") == 200, "quitter serves again from the hostile JAR");
        long second = childOf("quitter").orElseThrow();

        Map<Integer, Integer> hello = new TreeMap<>();
        AtomicBoolean calling = new AtomicBoolean(true);
        Thread others = callWhile(calling, base + "/api/v1/hello/greeting?name=Ada", hello);
        HttpResponse<String> quit = Http.get(base + "/api/v1/quitter/quit", api.key());
        assertEquals(503, quit.statusCode(), quit.body());
        awaitTrue(() -> childOf("quitter").filter(p -> p != second).isPresent(), "a new JVM after the exit");
        calling.set(false);
        others.join();
        assertEquals(Set.of(200), hello.keySet(), "hello answered throughout: " + hello);
        assertEquals(200, Http.get(base + "/api/v1/health", api.key()).statusCode(), "the runtime runs on");
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("'quitter'") && line.contains("exit code 7")),
                "the log names the plugin and its exit code");
        Files.delete(deploy.resolve("quitter.jar"));
    }

    @Test
    void jvmsStartFromAClassDataArchiveRecordedWithoutAnyPluginsClass() throws Exception {
        // recorded once the first plugin's JVM served, by a JVM of its own that runs no plugin
        Path archive = awaitFile(home, "class-data archive", path -> path.getParent().getFileName().toString().equals("class-data")
                && path.getFileName().toString().endsWith(".jsa"));
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("Recorded the class-data archive")),
                "the log says it was recorded");
        // the archive names every class it holds: the platform's are there, no plugin's is (nor their packages)
        String names = new String(Files.readAllBytes(archive), java.nio.charset.StandardCharsets.ISO_8859_1);
        assertTrue(names.contains("org/glassfish/jersey/server/ApplicationHandler")
                && names.contains("org/apache/felix/framework/Felix"), "Jersey's and Felix's classes are in it");
        for (String id : List.of("hog", "deaf", "ichatter", "iworker", "quitter")) {
            assertFalse(names.contains(MisbehavingPlugins.pkg(id).replace('.', '/')), id + "'s classes are not in it");
        }
        assertFalse(names.contains("org/example"), "no plugin's class is in it");
        // a JVM started now maps it, and serves as before
        long before = childOf("deaf").orElseThrow();
        restart("deaf");
        awaitTrue(() -> childOf("deaf").filter(pid -> pid != before).isPresent()
                && status(base + "/api/v1/deaf/greet?name=x") == 200, "deaf serves from a new JVM");
        String maps = Files.readString(Path.of("/proc/" + childOf("deaf").orElseThrow() + "/maps"));
        assertTrue(maps.contains(archive.toString()), "the new JVM maps " + archive);
    }

    @Test
    void aJvmBurningCpuIsHeldToItsQuotaWhereTheMachineAllowsOne() throws Exception {
        String startLine = launcher.output().stream().filter(line -> line.contains("CPU quota: ")).findFirst()
                .orElseThrow(() -> new AssertionError("the start line says whether CPU quotas apply"));
        Path deploy = home.resolve("deploy");
        isolated("burner", "cpu: 0.25", "Hello", """
                @GET @Path("burn")
                public String burn(@QueryParam("ms") long ms) {
                    long end = System.nanoTime() + ms * 1_000_000L;
                    long rounds = 0;
                    while (System.nanoTime() < end) {
                        rounds++;
                    }
                    return "burnt " + rounds;
                }
                """).writeInto(deploy);
        awaitServing("burner");
        long pid = childOf("burner").orElseThrow();
        long before = cpuMillis(pid);
        long started = System.nanoTime();
        HttpResponse<String> burnt = Http.get(base + "/api/v1/burner/burn?ms=2000", api.key());
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        long used = cpuMillis(pid) - before;
        assertEquals(200, burnt.statusCode(), burnt.body());
        System.out.println("A 2 s spin in a JVM with limits.cpu 0.25 used " + used + " ms of CPU in " + wallMillis + " ms");
        if (startLine.contains("CPU quota: applied")) {
            // 2 s of a spinning thread on a quarter of a core: about 0.5 s of CPU, not 2 s
            assertTrue(used < 1_000, "the JVM used " + used + " ms of CPU in " + wallMillis + " ms; " + startLine);
        } else {
            assertTrue(startLine.contains("CPU quota: not applied ("), startLine);
            System.out.println("No CPU quota on this machine: " + startLine);
        }
        assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Ada", api.key()).statusCode(), "others unaffected");
        Files.delete(deploy.resolve("burner.jar"));
    }

    @Test
    void aLineWithoutEndFromAPluginsJvmIsCutNotKeptByTheRuntime() throws Exception {
        // System.out is allowed to plugins; in its own JVM it is the pipe the runtime reads the JVM's lines from
        Path deploy = home.resolve("deploy");
        isolated("shouter", "memory: 64MB", "Hello", """
                @GET @Path("shout")
                public String shout(@QueryParam("mb") int mb) {
                    String megabyte = "x".repeat(1 << 20);
                    for (int i = 0; i < mb; i++) {
                        System.out.print(megabyte);
                    }
                    System.out.println();
                    System.out.println("shouted " + mb + " MB");
                    return "shouted";
                }
                """).writeInto(deploy);
        awaitServing("shouter");
        HttpResponse<String> shouted = Http.get(base + "/api/v1/shouter/shout?mb=32", api.key());
        assertEquals(200, shouted.statusCode(), shouted.body());
        awaitTrue(() -> launcher.output().stream().anyMatch(line -> line.contains("[shouter] shouted 32 MB")),
                "the line after the endless one is logged whole");
        List<String> lines = launcher.output().stream().filter(line -> line.contains("[shouter] xxx")).toList();
        assertEquals(1, lines.size(), "one line for the 32 MB");
        assertTrue(lines.get(0).length() < 8192 + 200 && lines.get(0).endsWith("[cut at 8192 characters]"),
                "cut at 8192 characters: " + lines.get(0).length());
        assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Ada", api.key()).statusCode(), "others unaffected");
        Files.delete(deploy.resolve("shouter.jar"));
    }

    /** The CPU time the process used so far (user and system), from {@code /proc/<pid>/stat}, in ms. */
    private static long cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields from the state on: utime and stime are the 14th and 15th of the whole line, in clock ticks of 10 ms
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    @Test
    void aSpareJvmStartedAheadTakesTheNextStartOfAPluginWithTheSameOptions() throws Exception {
        // deaf starts again: once its JVM serves, a spare with deaf's JVM options starts and serves an empty application
        int before = launcher.output().size();
        restart("deaf");
        awaitTrue(() -> lineSince(before, "Plugin 'deaf' serves from its own JVM") >= 0, "deaf's JVM serves");
        int served = lineSince(before, "Plugin 'deaf' serves from its own JVM");
        awaitTrue(() -> spareSince(served).isPresent(), "a spare JVM waits after deaf's JVM served");
        long spare = spareSince(served).orElseThrow();
        assertTrue(childrenOf(home, Optional.of(ChildProtocol.SPARE_ID)).contains(spare), "the spare is a JVM of its own");
        // the next start of deaf takes it: the same process serves deaf, within a second of the start
        long started = System.nanoTime();
        restart("deaf");
        awaitTrue(() -> status(base + "/api/v1/deaf/greet?name=x") == 200, "deaf serves again");
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertEquals(Optional.of(spare), childOf("deaf"), "deaf runs in the spare JVM");
        assertTrue(launcher.output().stream().anyMatch(line -> line.contains("Plugin 'deaf' starts in the spare JVM (pid " + spare + ")")),
                "the log says so");
        assertTrue(millis < 5_000, "stop, start and first 200 took " + millis + " ms");
        HttpResponse<String> greeted = Http.get(base + "/api/v1/deaf/greet?name=Ada", api.key());
        assertEquals(200, greeted.statusCode(), greeted.body());
        // each JVM's framework cache (~9 MB) goes with it: no more of them than JVMs of this runtime
        awaitTrue(() -> frameworkCaches() != null && frameworkCaches().size() <= childrenOf(home, Optional.empty()).size(),
                "caches " + frameworkCaches() + " for JVMs " + childrenOf(home, Optional.empty()));
    }

    /** The framework caches of plugins' JVMs in this class's runtime's data; null when one went while walked. */
    private static List<Path> frameworkCaches() {
        try (var paths = Files.walk(home.resolve("data"), 6)) {
            return paths.filter(path -> path.getParent() != null && path.getParent().getFileName().toString().equals("children")
                    && path.getFileName().toString().endsWith("-cache")).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    @Test
    void withoutASpareTheWaitingOneEndsAndEachJvmStartsForItsPlugin() throws Exception {
        Path settings = home.resolve("config/org.aibase.isolation.cfg");
        int before = launcher.output().size();
        restart("deaf"); // a spare waits after deaf's JVM served
        awaitTrue(() -> lineSince(before, "Plugin 'deaf' serves from its own JVM") >= 0, "deaf's JVM serves");
        int served = lineSince(before, "Plugin 'deaf' serves from its own JVM");
        awaitTrue(() -> spareSince(served).isPresent(), "a spare JVM waits");
        long spare = spareSince(served).orElseThrow();
        try {
            Files.writeString(settings, "spare.jvm=false\n");
            awaitTrue(() -> !ProcessHandle.of(spare).map(ProcessHandle::isAlive).orElse(false), "the waiting spare ends");
            int off = launcher.output().size();
            restart("deaf");
            awaitTrue(() -> status(base + "/api/v1/deaf/greet?name=x") == 200, "deaf serves again");
            long pid = childOf("deaf").orElseThrow();
            assertTrue(childrenOf(home, Optional.of("deaf")).contains(pid), "deaf's JVM was started for it, not a spare");
            Thread.sleep(3000); // a spare would have started by now
            assertEquals(Optional.empty(), spareSince(off), "no spare starts");
        } finally {
            Files.writeString(settings, "spare.jvm=true\n");
        }
        int on = launcher.output().size();
        awaitTrue(() -> lineSince(on, "Isolated plugins' spare JVM: kept warm") >= 0, "the setting is read");
        restart("deaf");
        awaitTrue(() -> spareSince(on).isPresent(), "a spare waits again once a JVM served");
    }

    private void restart(String pluginId) throws Exception {
        for (String action : List.of("stop", "start")) {
            HttpResponse<String> done = Http.send("POST", base + "/api/v1/plugins/" + pluginId + "/" + action, api.key(),
                    "application/json", java.net.http.HttpRequest.BodyPublishers.noBody());
            assertEquals(200, done.statusCode(), action + ": " + done.body());
        }
    }

    /** The index of the first line of the runtime's log from {@code from} on that holds {@code text}; -1 if none. */
    private int lineSince(int from, String text) {
        List<String> lines = launcher.output();
        for (int i = from; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    /** The runtime's line once a spare JVM serves, with its pid. */
    private static final java.util.regex.Pattern SPARE_WAITS = java.util.regex.Pattern.compile("A spare JVM \\(pid (\\d+)\\) waits");

    /** The pid of the last spare JVM the runtime's log says is waiting, among its lines from {@code from} on. */
    private Optional<Long> spareSince(int from) {
        List<String> lines = launcher.output();
        Optional<Long> spare = Optional.empty();
        for (String line : lines.subList(Math.min(from, lines.size()), lines.size())) {
            java.util.regex.Matcher waiting = SPARE_WAITS.matcher(line);
            if (waiting.find()) {
                spare = Optional.of(Long.parseLong(waiting.group(1)));
            }
        }
        return spare;
    }

    @Test
    void noChildOutlivesItsRuntimeKilledWithKill9() throws Exception {
        // last: a runtime of its own, so the other tests keep theirs
        Path other = Files.createTempDirectory("isolated-kill9");
        try {
            isolated("orphan", "memory: 32MB").writeInto(Files.createDirectories(other.resolve("deploy")));
            try (RunningLauncher doomed = RunningLauncher.ready(other)) {
                GuardApi doomedApi = new GuardApi(doomed.baseUrl() + "/api/v1", doomed.credential("admin.api.key"));
                doomedApi.awaitSettled(List.of("orphan.jar"), WAIT);
                awaitTrue(() -> childrenOf(other, Optional.of("orphan")).size() == 1,
                        "the orphan's JVM runs: " + childrenOf(other, Optional.empty()));
                // and the spare started once it served: it must not outlive the runtime either
                awaitTrue(() -> childrenOf(other, Optional.of(ChildProtocol.SPARE_ID)).size() == 1,
                        "a spare JVM waits: " + childrenOf(other, Optional.empty()));
                Set<Long> pids = childrenOf(other, Optional.empty());
                doomed.process().toHandle().destroyForcibly(); // kill -9
                doomed.process().waitFor();
                long deadline = System.nanoTime() + 5_000_000_000L;
                while (pids.stream().anyMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertTrue(pids.stream().noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)),
                        "no child within 5 s of kill -9: " + pids);
            }
        } finally {
            try (var files = Files.walk(other)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private Thread callWhile(AtomicBoolean calling, String url, Map<Integer, Integer> statuses) {
        Map<Integer, Integer> counted = new ConcurrentHashMap<>();
        Thread thread = new Thread(() -> {
            while (calling.get()) {
                counted.merge(status(url), 1, Integer::sum);
            }
            synchronized (statuses) {
                statuses.putAll(counted);
            }
        });
        thread.start();
        return thread;
    }

    private int status(String url) {
        try {
            return Http.get(url, api.key()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -2;
        }
    }

    /**
     * The pid of the JVM that runs the plugin of this class's runtime, if one does: as its usage figures name
     * it (a spare JVM's command line names no plugin), and a JVM of this runtime.
     */
    private Optional<Long> childOf(String pluginId) {
        try {
            long pid = api.usage(pluginId).path("jvm").path("pid").asLong(0);
            return pid > 0 && childrenOf(home, Optional.empty()).contains(pid) ? Optional.of(pid) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The JVMs of isolated plugins of the runtime with this home (of one plugin, when named). */
    private static Set<Long> childrenOf(Path runtimeHome, Optional<String> pluginId) {
        return Set.copyOf(ProcessHandle.allProcesses().filter(p -> p.info().arguments().map(args -> {
            List<String> arguments = List.of(args);
            return arguments.contains("org.aibase.runtime.ChildMain") && pluginId.map(arguments::contains).orElse(true)
                    && String.join(" ", arguments).contains(runtimeHome.toString());
        }).orElse(false)).map(ProcessHandle::pid).toList());
    }

    private static long rssKib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + pid);
    }

    /** Waits until the plugin deployed last is settled and answers from its JVM. */
    private void awaitServing(String pluginId) throws Exception {
        api.awaitSettled(List.of(pluginId + ".jar"), WAIT);
        awaitTrue(() -> status(base + "/api/v1/" + pluginId + "/greet?name=x") == 200, pluginId + " serves");
    }

    /** The first file under {@code root} that {@code wanted} accepts, waiting for it up to {@link #WAIT}. */
    private static Path awaitFile(Path root, String what, java.util.function.Predicate<Path> wanted) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            try (var files = Files.walk(root)) {
                Optional<Path> found = files.filter(path -> path.getParent() != null && wanted.test(path)).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (java.io.UncheckedIOException e) {
                // a file went away while walking: look again
            }
            assertTrue(System.nanoTime() < deadline, what + " within " + WAIT);
            Thread.sleep(100);
        }
    }

    private static void awaitTrue(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, what + " within " + WAIT);
            Thread.sleep(50);
        }
    }
}
