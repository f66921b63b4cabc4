import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP host benchmark of the assembled runtime: deploy latency and resident memory with 1, 10
 * and 30 plugins active, hello updated under load, and hello's throughput against bare Jersey.
 *
 * <p>java -cp CLASSES HttpHostBench RUNTIME_JAR HELLO_JAR BARE_PROJECT all|deploy|update|rss|throughput|mcp|isolated ROUNDS|- SECONDS
 *
 * <p>Prints a Markdown table with the targets and the raw figures; exits 1, after what was measured
 * until then, when anything did not come up.
 */
public final class HttpHostBench {

    private static final int[] ACTIVE = { 1, 10, 30 };
    private static final int DEPLOYMENTS = 10;
    private static final int UPDATES = 10;
    private static final int RSS_SAMPLES = 3;
    private static final int THROUGHPUT_STRETCHES = 8;
    private static final Set<String> PARTS = Set.of("all", "deploy", "update", "rss", "throughput", "mcp", "isolated");

    private final Path runtimeJar;
    private final Path helloJar;
    private final PluginJars jars;
    private final Report report = new Report();

    private HttpHostBench(Path runtimeJar, Path helloJar) {
        this.runtimeJar = runtimeJar;
        this.helloJar = helloJar;
        this.jars = new PluginJars(helloJar);
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 6 || !PARTS.contains(args[3])) {
            System.err.println("usage: HttpHostBench RUNTIME_JAR HELLO_JAR BARE_PROJECT all|deploy|update|rss|throughput|mcp|isolated ROUNDS|- SECONDS");
            System.exit(2);
        }
        String part = args[3];
        Integer rounds = args[4].equals("-") ? null : Integer.valueOf(args[4]);
        int seconds = Integer.parseInt(args[5]);
        HttpHostBench bench = new HttpHostBench(Path.of(args[0]), Path.of(args[1]));
        boolean complete = false;
        try {
            bench.describe(part);
            bench.checkClones();
            boolean all = part.equals("all");
            // each in a runtime of its own: the deployments would leave their garbage in the memory figures
            if (all || part.equals("rss")) {
                bench.population("rss", 0);
            }
            if (all || part.equals("deploy")) {
                bench.population("deploy", or(rounds, DEPLOYMENTS));
            }
            if (all || part.equals("update")) {
                bench.update(or(rounds, UPDATES));
            }
            if (all || part.equals("mcp")) {
                new McpTools(bench.runtimeJar, bench.helloJar, bench.jars, or(rounds, DEPLOYMENTS), seconds).run(bench.report);
            }
            if (all || part.equals("isolated")) {
                new IsolatedCost(bench.runtimeJar, bench.helloJar, bench.jars, LoadGenerator.detect(), or(rounds, 6), seconds)
                        .run(bench.report);
            }
            if (all || part.equals("throughput")) {
                new HelloThroughput(bench.runtimeJar, bench.helloJar, Path.of(args[2]), LoadGenerator.detect(),
                        or(rounds, THROUGHPUT_STRETCHES), seconds).run(bench.report);
            }
            complete = true;
        } catch (Exception e) {
            System.err.println("FAILED: " + e.getMessage());
        } finally {
            bench.report.note("Load average at the end: " + Files.readString(Path.of("/proc/loadavg")).strip()
                    + (busy() ? " (WARNING: more runnable work than cores: other processes took CPU from the figures)" : ""));
            bench.report.print(complete);
        }
        System.exit(complete ? 0 : 1);
    }

    /** Whether the last minute's load average exceeds the cores: the machine was shared while measuring. */
    private static boolean busy() throws java.io.IOException {
        double lastMinute = Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        return lastMinute > Runtime.getRuntime().availableProcessors();
    }

    private static int or(Integer given, int otherwise) {
        return given == null ? otherwise : given;
    }

    private void describe(String part) throws Exception {
        report.note("AI Base HTTP host benchmark (" + part + "), " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        report.note("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, load average at start "
                + Files.readString(Path.of("/proc/loadavg")).strip() + "; Java " + System.getProperty("java.vm.version"));
        report.note("Runtime: " + runtimeJar + " (" + Files.getLastModifiedTime(runtimeJar) + "); plugin: " + helloJar
                + (RuntimeProcess.JAVA_OPTIONS.isEmpty() ? "" : "; runtime JVM options " + RuntimeProcess.JAVA_OPTIONS));
    }

    /** The runtime's own validator must accept the JARs the bench makes, or the figures mean nothing. */
    private void checkClones() throws Exception {
        Path dir = Files.createTempDirectory("aibase-http-bench-jars-");
        try {
            Path clone = dir.resolve(DeployLatency.PROBE + ".jar");
            Path variant = dir.resolve("hello.jar");
            jars.cloneAs(DeployLatency.PROBE, clone);
            jars.withGreeting("Hello v1, {0}!", variant);
            Process validate = new ProcessBuilder(RuntimeProcess.javaCommand("java"), "-jar", runtimeJar.toString(), "validate",
                    clone.toString(), variant.toString()).redirectErrorStream(true).start();
            String out = new String(validate.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!validate.waitFor(120, TimeUnit.SECONDS) || validate.exitValue() != 0) {
                throw new IllegalStateException("the runtime's validator refused the JARs the bench makes:\n" + out);
            }
            report.note("Validator on a clone and a greeting variant: " + out.strip().replace("\n", "; "));
        } finally {
            RuntimeProcess.deleteTree(dir);
        }
    }

    /**
     * Resident memory ("rss": 1, 10, 30 active) or deploy latency ("deploy": 1, 10, 30, 10, 1 active,
     * half of the deployments at 1 and 10 on the way up and half on the way down, so a drift of the
     * shared machine weighs on every number alike), in one runtime.
     */
    private void population(String part, int deployments) throws Exception {
        boolean rss = part.equals("rss");
        int up = (deployments + 1) / 2;
        int[][] visits = rss ? new int[][] { { 1, 1 }, { 10, 1 }, { 30, 1 } }
                : new int[][] { { 1, up }, { 10, up }, { 30, deployments }, { 10, deployments - up }, { 1, deployments - up } };
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, List.of(helloJar), part);
             KeepAliveClient client = new KeepAliveClient("127.0.0.1", runtime.port(), "Bearer " + runtime.apiKey())) {
            runtime.explainingFailures(() -> {
                PluginPopulation population = new PluginPopulation(runtime, jars, client);
                DeployLatency latency = rss ? null : new DeployLatency(runtime, client, jars, population.staging());
                List<ResidentMemory.Sample> samples = new ArrayList<>();
                try {
                    for (int[] visit : visits) {
                        if (visit[1] > 0) {
                            populate(part, population, visit[0]);
                            if (rss) {
                                samples.add(new ResidentMemory(runtime).measure(visit[0], RSS_SAMPLES));
                            } else {
                                latency.measure(visit[0], visit[1]);
                            }
                        }
                    }
                } finally {
                    if (latency != null) {
                        latency.report(report);
                    }
                    if (!samples.isEmpty()) {
                        ResidentMemory.report(samples, report);
                    }
                }
            });
        }
    }

    /** Adds clones at once, or deletes them, until the given number of plugins is active. */
    private void populate(String part, PluginPopulation population, int active) throws Exception {
        int before = population.size();
        if (active > before) {
            Progress.say(part + ": renaming " + (active - before) + " clones of hello into deploy/ at once");
            long took = population.growTo(active);
            report.row(part, (active - before) + " clones renamed in at once -> all " + active + " answer 200",
                    Stats.num(Stats.millis(took)) + " ms");
        } else if (active < before) {
            Progress.say(part + ": deleting " + (before - active) + " clones");
            population.shrinkTo(active);
        }
    }

    private void update(int updates) throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, List.of(helloJar), "update")) {
            runtime.explainingFailures(() -> new UpdateUnderLoad(runtime, jars, updates).run(report));
        }
    }
}
