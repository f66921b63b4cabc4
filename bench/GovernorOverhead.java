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
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * What admission and metering cost on the smallest plugin: requests per second to
 * {@code GET /api/v1/hello/greeting} with the governor on and off (PID {@code org.aibase.rest.governor},
 * switched live through {@code config/}), alternating so drift hits both sides alike.
 *
 * <p>java bench/GovernorOverhead.java RUNTIME_JAR PLUGIN_JAR [SECONDS_PER_ROUND] [ROUNDS]
 */
public final class GovernorOverhead {

    private static final int CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: java bench/GovernorOverhead.java RUNTIME_JAR PLUGIN_JAR [SECONDS_PER_ROUND] [ROUNDS]");
            System.exit(2);
        }
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        Path home = Files.createTempDirectory("aibase-governor-bench");
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("config"));
        Files.copy(Path.of(args[1]), home.resolve("deploy/hello.jar"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process runtime = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", args[0], "run", "--home", home.toString(), "--port", String.valueOf(port))
                .redirectErrorStream(true).start();
        try {
            awaitReady(runtime);
            Properties secrets = new Properties();
            try (var in = Files.newInputStream(home.resolve("data/credentials.properties"))) {
                secrets.load(in);
            }
            String key = secrets.getProperty("admin.api.key");
            URI greeting = URI.create("http://127.0.0.1:" + port + "/api/v1/hello/greeting?name=Ada");
            System.err.println("warming up ...");
            measure(greeting, key, 3 * seconds); // the JIT needs a while on two cores

            List<Double> on = new ArrayList<>();
            List<Double> off = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                System.err.println("round " + round + " of " + rounds + " ...");
                // alternate which side goes first, so what is left of warming up favours neither
                for (boolean enabled : round % 2 == 1 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                    governor(home, enabled, greeting, key);
                    (enabled ? on : off).add(measure(greeting, key, seconds));
                }
            }
            double meanOn = on.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            double meanOff = off.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            System.out.println("| measure | result |");
            System.out.println("|---|---|");
            System.out.printf("| requests/s with the governor (%d clients, %d x %d s) | %.0f %s |%n", CLIENTS, rounds, seconds, meanOn, on);
            System.out.printf("| requests/s without it | %.0f %s |%n", meanOff, off);
            System.out.printf("| overhead | %.1f %% |%n", 100 * (meanOff - meanOn) / meanOff);
        } finally {
            runtime.toHandle().destroy();
            runtime.waitFor(20, TimeUnit.SECONDS);
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Switches the governor through config/ and waits until the meters show it took effect. */
    private static void governor(Path home, boolean enabled, URI greeting, String key) throws Exception {
        Files.writeString(home.resolve("config/org.aibase.rest.governor.cfg"), "enabled=" + enabled + "\n");
        URI usage = URI.create(greeting.resolve("/api/v1/plugins/hello/usage").toString());
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 200; i++) {
            long before = requests(http, usage, key);
            get(http, greeting, key);
            long after = requests(http, usage, key);
            if ((after > before) == enabled) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the governor did not switch " + (enabled ? "on" : "off"));
    }

    private static long requests(HttpClient http, URI usage, String key) throws Exception {
        String body = get(http, usage, key);
        int at = body.indexOf("\"requests\":");
        return Long.parseLong(body.substring(at + 11).split("[,}]")[0]);
    }

    private static double measure(URI uri, String key, int seconds) throws Exception {
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Thread client = new Thread(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                while (System.nanoTime() < end) {
                    try {
                        get(http, uri, key);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            client.start();
            clients.add(client);
        }
        for (Thread client : clients) {
            client.join();
        }
        return done.get() / (double) seconds;
    }

    private static String get(HttpClient http, URI uri, String key) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + key)
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static void awaitReady(Process runtime) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(runtime.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("AI Base ready at")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
        }
        throw new IllegalStateException("the runtime ended before it was ready");
    }
}
