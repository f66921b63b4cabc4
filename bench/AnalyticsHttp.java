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
import java.util.Arrays;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The analytics plugin end to end: a launched runtime (fresh home, the built analytics.jar in its
 * deploy folder), {@code POST /api/v1/analytics/analyze} with RECORDS records (the generator of
 * {@link AnalyticsThroughput}), then {@code GET /jobs/{id}} every 10 ms until the job completed.
 * Reports the answer time of the POST and the time to the completed job, over ROUNDS rounds after
 * WARMUP (2) unmeasured ones.
 * Usage: java -cp CLASSES AnalyticsHttp RUNTIME_JAR ANALYTICS_JAR RECORDS ROUNDS [WARMUP]
 */
public final class AnalyticsHttp {

    private static final Pattern READY = Pattern.compile("AI Base ready at (\\S+) in (\\d+) ms");
    private static final Pattern JOB_ID = Pattern.compile("\"job_id\":\"([^\"]+)\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([a-z]+)\"");
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        Path runtime = Path.of(args[0]);
        Path plugin = Path.of(args[1]);
        int records = Integer.parseInt(args[2]);
        int rounds = Integer.parseInt(args[3]);
        int warmup = args.length > 4 ? Integer.parseInt(args[4]) : 2;
        Path home = Files.createTempDirectory("aibase-analytics-bench");
        Process process = null;
        try {
            Files.createDirectories(home.resolve("deploy"));
            Files.copy(plugin, home.resolve("deploy/analytics.jar"));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    runtime.toString(), "run", "--home", home.toString(), "--port", String.valueOf(port))
                    .redirectErrorStream(true).start();
            String base = awaitReady(process);
            java.util.Properties secrets = new java.util.Properties();
            try (var in = Files.newInputStream(home.resolve("data/credentials.properties"))) {
                secrets.load(in);
            }
            String key = secrets.getProperty("admin.api.key");
            String api = base + "/api/v1/analytics/";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (get(api + "stats", key).statusCode() != 200) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the analytics plugin did not answer within 60 s");
                }
                Thread.sleep(50);
            }
            byte[] body = AnalyticsThroughput.generate(11, records);
            System.out.printf("POST /analyze of %,d records (%,d bytes of JSON) to the job completed, %d rounds after %d warm-up rounds%n",
                    records, body.length, rounds, warmup);
            double[] answered = new double[rounds];
            double[] completed = new double[rounds];
            for (int r = -warmup; r < rounds; r++) {
                long start = System.nanoTime();
                HttpResponse<String> accepted = CLIENT.send(HttpRequest.newBuilder(URI.create(api + "analyze"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
                long answer = System.nanoTime();
                if (accepted.statusCode() != 202) {
                    throw new IllegalStateException("POST /analyze answered " + accepted.statusCode() + ": " + accepted.body());
                }
                Matcher id = JOB_ID.matcher(accepted.body());
                id.find();
                String status = "pending";
                while (!status.equals("completed")) {
                    Thread.sleep(10);
                    Matcher m = STATUS.matcher(get(api + "jobs/" + id.group(1), key).body());
                    status = m.find() ? m.group(1) : "?";
                    if (status.equals("failed") || status.equals("cancelled")) {
                        throw new IllegalStateException("the job " + status);
                    }
                }
                long done = System.nanoTime();
                if (r >= 0) {
                    answered[r] = (answer - start) / 1e6;
                    completed[r] = (done - start) / 1e6;
                }
            }
            System.out.printf("| %-40s | %9s | %9s |%n", "measure", "median ms", "best ms");
            System.out.printf("| %-40s | %9s | %9s |%n", "---", "---:", "---:");
            System.out.printf("| %-40s | %9.0f | %9.0f |%n", "POST /analyze answered (202)", median(answered), min(answered));
            System.out.printf("| %-40s | %9.0f | %9.0f |%n", "POST /analyze to job completed", median(completed), min(completed));
        } finally {
            if (process != null) {
                process.toHandle().destroy();
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            }
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String awaitReady(Process process) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            Matcher m = READY.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (in.readLine() != null) {
                            // keep the pipe flowing
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
        }
        throw new IllegalStateException("the runtime ended before it was ready");
    }

    private static HttpResponse<String> get(String url, String key) throws IOException, InterruptedException {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + key).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }
}
