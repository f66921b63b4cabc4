import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * MCP: how soon a dropped plugin's task is a tool in tools/list, and tools/call of hello-greet
 * against POST /api/v1/plugins/hello/tasks of the same task, in alternating stretches of the same
 * run, with the same client (java.net.http, one connection pool) and the same number of callers.
 */
final class McpTools {

    private static final int CALLERS = 8;
    private static final String GREET = "{\"name\":\"Ada\"}";

    private final Path runtimeJar;
    private final Path helloJar;
    private final PluginJars jars;
    private final int deployments;
    private final int seconds;
    private final List<String> keys = new ArrayList<>();

    McpTools(Path runtimeJar, Path helloJar, PluginJars jars, int deployments, int seconds) {
        this.runtimeJar = runtimeJar;
        this.helloJar = helloJar;
        this.jars = jars;
        this.deployments = deployments;
        this.seconds = seconds;
    }

    void run(Report report) throws Exception {
        // a key per caller, each allowed more messages than it can send: the endpoint's per-key allowance
        // (600 a minute by default) guards against runaway agents, it is not what is measured here
        for (int i = 0; i < CALLERS; i++) {
            keys.add("aib_bench_mcp_" + i + "_" + java.util.UUID.randomUUID());
        }
        Map<String, String> configuration = Map.of("org.aibase.rest.auth", "admin.keys=" + String.join(",", keys) + "\n",
                "org.aibase.rest.mcp", "max.messages.per.minute=100000\n");
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, List.of(helloJar), "mcp", configuration)) {
            runtime.explainingFailures(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                String base = "http://127.0.0.1:" + runtime.port();
                visibility(runtime, http, base, report);
                throughput(runtime, http, base, report);
            });
        }
    }

    private void visibility(RuntimeProcess runtime, HttpClient http, String base, Report report) throws Exception {
        McpSession session = new McpSession(http, base, keys.get(0));
        List<Double> millis = new ArrayList<>();
        Path staging = runtime.home().resolve("staging");
        java.nio.file.Files.createDirectories(staging);
        for (int i = 1; i <= deployments; i++) {
            String id = String.format("mcp_%02d", i);
            jars.cloneAs(id, staging.resolve(id + ".jar"));
            Progress.say("mcp: deployment " + i + " of " + deployments);
            long start = System.nanoTime();
            PluginJars.moveInto(staging.resolve(id + ".jar"), runtime.deployFolder(), id + ".jar");
            while (!session.listTools().contains("\"name\":\"" + id + "-greet\"")) {
                if (System.nanoTime() - start > 30_000_000_000L) {
                    throw runtime.failure(id + "-greet did not appear in tools/list within 30 s");
                }
                Thread.sleep(5);
            }
            millis.add(Stats.millis(System.nanoTime() - start));
        }
        double median = Stats.median(millis);
        report.row("mcp", "rename -> tool in tools/list (" + deployments + " deployments)", "median " + Stats.num(median)
                + " ms, max " + Stats.num(Stats.max(millis)) + " ms", "median <= 200 ms", median <= 200);
        report.raw("mcp rename -> tools/list ms " + Stats.list(millis));
    }

    private void throughput(RuntimeProcess runtime, HttpClient http, String base, Report report) throws Exception {
        List<McpSession> sessions = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            sessions.add(new McpSession(http, base, keys.get(i)));
        }
        HttpRequest rest = HttpRequest.newBuilder(URI.create(base + "/api/v1/plugins/hello/tasks"))
                .header("Authorization", "Bearer " + keys.get(0)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"greet\",\"config\":" + GREET + "}")).build();
        Call restCall = caller -> {
            HttpResponse<String> answer = http.send(rest, HttpResponse.BodyHandlers.ofString());
            return answer.statusCode() == 200 && answer.body().contains("Hello, Ada!") ? null
                    : "POST /tasks answered " + answer.statusCode() + " " + answer.body();
        };
        Call mcpCall = caller -> {
            String answer = sessions.get(caller).call("hello-greet", GREET);
            return answer.contains("Hello, Ada!") && answer.contains("\"isError\":false") ? null
                    : "tools/call answered " + answer;
        };
        stretch(restCall, 5); // warm-up, both
        stretch(mcpCall, 5);
        List<Double> restRates = new ArrayList<>();
        List<Double> mcpRates = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int cycle = 1; cycle <= 3; cycle++) {
            Progress.say("mcp: throughput cycle " + cycle + " of 3");
            double r1 = stretch(restCall, seconds);
            double m1 = stretch(mcpCall, seconds);
            double m2 = stretch(mcpCall, seconds);
            double r2 = stretch(restCall, seconds);
            restRates.add((r1 + r2) / 2);
            mcpRates.add((m1 + m2) / 2);
            ratios.add((m1 + m2) / (r1 + r2));
        }
        report.row("mcp", "POST /tasks greet, " + CALLERS + " callers: median calls/s", Stats.num(Stats.median(restRates)));
        report.row("mcp", "tools/call hello-greet, " + CALLERS + " callers: median calls/s", Stats.num(Stats.median(mcpRates)));
        double ratio = Stats.median(ratios);
        report.row("mcp", "tools/call / POST /tasks, calls/s: median of 3 cycles (range)", Stats.num(ratio) + "x ("
                + Stats.num(Stats.min(ratios)) + "-" + Stats.num(Stats.max(ratios)) + ")", ">= 0.8x", ratio >= 0.8);
        report.raw("mcp throughput ratios per cycle " + Stats.list(ratios));
    }

    private interface Call {
        /** Null when answered with the greeting, else what was answered. */
        String once(int caller) throws Exception;
    }

    /** Calls per second over the stretch, every caller in a loop; fails on any wrong answer. */
    private double stretch(Call call, int length) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Future<Long>> counts = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            int caller = i;
            counts.add(callers.submit(() -> {
                long done = 0;
                while (running.get()) {
                    String wrong = call.once(caller);
                    if (wrong != null) {
                        throw new IllegalStateException("a call was not answered with the greeting: " + wrong);
                    }
                    done++;
                }
                return done;
            }));
        }
        long start = System.nanoTime();
        Thread.sleep(Duration.ofSeconds(length).toMillis());
        running.set(false);
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        callers.shutdown();
        return total / elapsed;
    }
}
