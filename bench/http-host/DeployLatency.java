import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copy-to-200 and delete-to-404 of a fresh plugin: a hello clone renamed into deploy/ until its
 * endpoint answers 200, then deleted until it answers 404, a number of times. Also reads the
 * deployer's own breakdown line when the runtime prints one.
 */
final class DeployLatency {

    static final String PROBE = "bench_probe";
    private static final String PROBE_FILE = PROBE + ".jar";
    private static final Pattern DEPLOYED = Pattern.compile("Deployed " + Pattern.quote(PROBE_FILE) + " \\(.*\\) in \\d+ ms: (.*)$");
    private static final Pattern STAGE = Pattern.compile("([a-z][a-z ]*?) (\\d+)");
    private static final long SETTLE_MILLIS = 500;

    /** What was measured at one number of active plugins, in the order measured. */
    private record Figures(List<Double> toOkMillis, List<Double> toGoneMillis, Map<String, List<Double>> stagesMillis) {
    }

    private final RuntimeProcess runtime;
    private final KeepAliveClient client;
    private final Path probeJar;
    private final TreeMap<Integer, Figures> byActive = new TreeMap<>();
    private boolean deployerLines = true;

    DeployLatency(RuntimeProcess runtime, KeepAliveClient client, PluginJars jars, Path staging) throws Exception {
        this.runtime = runtime;
        this.client = client;
        this.probeJar = staging.resolve("probe-template.jar");
        jars.cloneAs(PROBE, probeJar);
    }

    /** Deploys and deletes the probe {@code rounds} times with {@code active} other plugins active. */
    void measure(int active, int rounds) throws Exception {
        String target = PluginPopulation.greeting(PROBE);
        Path staged = probeJar.resolveSibling(PROBE_FILE);
        Figures figures = byActive.computeIfAbsent(active, n -> new Figures(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>()));
        List<Double> toOk = figures.toOkMillis();
        List<Double> toGone = figures.toGoneMillis();
        Map<String, List<Double>> stages = figures.stagesMillis();
        for (int round = 1; round <= rounds; round++) {
            Progress.say("deploy: " + active + " active, deployment " + round + " of " + rounds);
            Files.copy(probeJar, staged);
            long mark = runtime.output().mark();
            long renamed = System.nanoTime();
            PluginJars.moveInto(staged, runtime.deployFolder(), PROBE_FILE);
            toOk.add(Stats.millis(client.awaitStatus(target, 200, renamed, 30_000)));
            if (deployerLines) {
                readStages(mark, stages);
            }
            Thread.sleep(SETTLE_MILLIS);
            long deleted = System.nanoTime();
            Files.delete(runtime.deployFolder().resolve(PROBE_FILE));
            toGone.add(Stats.millis(client.awaitStatus(target, 404, deleted, 30_000)));
            Thread.sleep(SETTLE_MILLIS);
        }
    }

    /** Adds the stages of the deployer's line, when this runtime prints one (else stops looking for it). */
    private void readStages(long mark, Map<String, List<Double>> stages) throws InterruptedException {
        Optional<String> line = runtime.output().lineWithin(l -> DEPLOYED.matcher(l).find(), mark, 5, "deployer line");
        if (line.isEmpty()) {
            deployerLines = false;
            return;
        }
        Matcher deployed = DEPLOYED.matcher(line.get());
        deployed.find();
        for (Matcher stage = STAGE.matcher(deployed.group(1)); stage.find(); ) {
            stages.computeIfAbsent(stage.group(1), k -> new ArrayList<>()).add(Double.parseDouble(stage.group(2)));
        }
    }

    /** The rows of every number of active plugins measured, with the targets. */
    void report(Report report) {
        if (byActive.isEmpty()) {
            return;
        }
        byActive.forEach((active, f) -> {
            String n = active + " active";
            report.row("deploy", "rename -> 200, " + n + " (" + f.toOkMillis().size() + " deployments)",
                    "median " + Stats.num(Stats.median(f.toOkMillis())) + " ms, max " + Stats.num(Stats.max(f.toOkMillis())) + " ms",
                    "median <= 150 ms", Stats.median(f.toOkMillis()) <= 150);
            report.row("deploy", "delete -> 404, " + n,
                    "median " + Stats.num(Stats.median(f.toGoneMillis())) + " ms, max " + Stats.num(Stats.max(f.toGoneMillis())) + " ms");
            StringBuilder stages = new StringBuilder();
            f.stagesMillis().forEach((stage, values) -> stages.append(stages.length() == 0 ? "" : ", ")
                    .append(stage).append(' ').append(Stats.num(Stats.median(values))));
            report.row("deploy", "deployer's line, medians in ms after the file event, " + n,
                    stages.length() == 0 ? "(the runtime printed no deployer line)" : stages.toString());
            report.raw("deploy " + n + ": rename -> 200 ms " + Stats.list(f.toOkMillis()));
            report.raw("deploy " + n + ": delete -> 404 ms " + Stats.list(f.toGoneMillis()));
            f.stagesMillis().forEach((stage, values) -> report.raw("deploy " + n + ": deployer '" + stage + "' ms " + Stats.list(values)));
        });
        int fewest = byActive.firstKey();
        int most = byActive.lastKey();
        if (most > fewest) {
            double ratio = Stats.median(byActive.get(most).toOkMillis()) / Stats.median(byActive.get(fewest).toOkMillis());
            report.row("deploy", "median rename -> 200 at " + most + " active / at " + fewest,
                    Stats.num(ratio) + "x", "<= 1.2x", ratio <= 1.2);
        }
    }
}
