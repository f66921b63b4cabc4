import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Startup and hot-deploy benchmark of the assembled runtime, run as a user runs it.
 *
 * <p>java bench/StartupAndDeploy.java RUNTIME_JAR PLUGIN_JAR [ROUNDS]
 *
 * <p>Prints a Markdown table: cold and warm start (to the ready line and to the first 200 from the
 * plugin), copy-to-200 and delete-to-404 over ROUNDS deploys with the deployer's own breakdown, and
 * the idle resident memory.
 */
public final class StartupAndDeploy {

    private static final Pattern READY = Pattern.compile("AI Base ready at (\\S+) in (\\d+) ms");
    private static final Pattern DEPLOYED = Pattern.compile(
            "Deployed \\S+ \\(\\S+ \\S+\\) in (\\d+) ms: detected 0, validated (\\d+), installed (\\d+), started (\\d+)(?:, endpoints registered (\\d+))?");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Path runtimeJar;
    private final Path pluginJar;
    private final Path home;
    private final int port;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Process process;
    private String apiKey;

    private StartupAndDeploy(Path runtimeJar, Path pluginJar, Path home, int port) {
        this.runtimeJar = runtimeJar;
        this.pluginJar = pluginJar;
        this.home = home;
        this.port = port;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/StartupAndDeploy.java RUNTIME_JAR PLUGIN_JAR [ROUNDS]");
            System.exit(2);
        }
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path home = Files.createTempDirectory("aibase-bench");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        StartupAndDeploy bench = new StartupAndDeploy(Path.of(args[0]), Path.of(args[1]), home, port);
        Map<String, String> rows = new LinkedHashMap<>();
        try {
            Files.createDirectories(home.resolve("deploy"));
            Files.copy(bench.pluginJar, home.resolve("deploy/hello.jar"));
            System.err.println("cold start ...");
            bench.start(rows, "cold start (fresh home)");
            bench.stop();
            System.err.println("warm start ...");
            bench.start(rows, "warm start (same home)");
            System.err.println(rounds + " deploys ...");
            bench.deployRounds(rows, rounds);
            Thread.sleep(3000);
            rows.put("idle RSS after the deploys", bench.rssMegabytes() + " MB");
            bench.stop();
        } finally {
            if (bench.process != null) {
                bench.process.destroyForcibly();
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.out.println("| measure | result |");
        System.out.println("|---|---|");
        rows.forEach((k, v) -> System.out.println("| " + k + " | " + v + " |"));
    }

    private void start(Map<String, String> rows, String label) throws Exception {
        lines.clear();
        long launched = System.nanoTime();
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                runtimeJar.toString(), "run", "--home", home.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        Matcher ready = awaitLine(READY, 120);
        long readyMs = millisSince(launched);
        apiKey = credential("admin.api.key");
        awaitStatus(greeting(), 200, 60_000);
        long firstOk = millisSince(launched);
        rows.put(label + ": to ready line", readyMs + " ms (runtime says " + ready.group(2) + " ms since JVM start)");
        rows.put(label + ": to first 200 from hello", firstOk + " ms");
    }

    private void deployRounds(Map<String, String> rows, int rounds) throws Exception {
        Path target = home.resolve("deploy/hello.jar");
        Files.deleteIfExists(target);
        awaitStatus(greeting(), 404, 30_000);
        List<Long> toOk = new ArrayList<>();
        List<Long> toGone = new ArrayList<>();
        List<long[]> breakdowns = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            lines.clear();
            long copied = System.nanoTime();
            Files.copy(pluginJar, target); // a plain copy, as cp does
            awaitStatus(greeting(), 200, 30_000);
            toOk.add(millisSince(copied));
            Matcher deployed = awaitLine(DEPLOYED, 30);
            long[] stages = new long[5];
            for (int s = 0; s < 5; s++) {
                stages[s] = deployed.group(s + 1) == null ? -1 : Long.parseLong(deployed.group(s + 1));
            }
            breakdowns.add(stages);
            long deleted = System.nanoTime();
            Files.delete(target);
            awaitStatus(greeting(), 404, 30_000);
            toGone.add(millisSince(deleted));
            Thread.sleep(200);
        }
        rows.put("deploy: copy -> 200 over " + rounds + " copies", "median " + median(toOk) + " ms, max " + max(toOk) + " ms");
        String[] names = { "deployer total", "validated", "installed", "started", "endpoints registered" };
        StringBuilder breakdown = new StringBuilder();
        for (int s = 1; s < 5; s++) {
            final int stage = s;
            breakdown.append(names[s]).append(" ").append(median(breakdowns.stream().map(b -> b[stage]).toList())).append(", ");
        }
        rows.put("deploy: breakdown, median ms after detection", "detected 0, " + breakdown.substring(0, breakdown.length() - 2));
        rows.put("deploy: delete -> 404", "median " + median(toGone) + " ms, max " + max(toGone) + " ms");
    }

    private void stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the runtime did not stop within 20 s");
        }
    }

    /** A secret the launcher generated into data/credentials.properties. */
    private String credential(String key) throws IOException {
        java.util.Properties secrets = new java.util.Properties();
        try (var in = Files.newInputStream(home.resolve("data/credentials.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty(key);
    }

    private long rssMegabytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private URI greeting() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/hello/greeting?name=Ada");
    }

    private void awaitStatus(URI uri, int status, long timeoutMs) throws Exception {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + apiKey).GET().build();
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == status) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(5); // tighter polling competes with the deployment for the CPU
        }
        throw new IllegalStateException(uri + " did not answer " + status + " within " + timeoutMs + " ms");
    }

    private Matcher awaitLine(Pattern pattern, int timeoutSeconds) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
        while (System.currentTimeMillis() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new IllegalStateException("no line matching " + pattern + " within " + timeoutSeconds + " s");
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(-1);
    }
}
