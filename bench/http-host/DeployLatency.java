import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /** What was measured at one number of active plugins. */
    record Figures(int active, List<Double> toOkMillis, List<Double> toGoneMillis, Map<String, List<Double>> stagesMillis) {
    }

    private final RuntimeProcess runtime;
    private final KeepAliveClient client;
    private final Path probeJar;
    private boolean deployerLines = true;

    DeployLatency(RuntimeProcess runtime, KeepAliveClient client, PluginJars jars, Path staging) throws Exception {
        this.runtime = runtime;
        this.client = client;
        this.probeJar = staging.resolve("probe-template.jar");
        jars.cloneAs(PROBE, probeJar);
    }

    Figures measure(int active, int rounds) throws Exception {
        String target = PluginPopulation.greeting(PROBE);
        Path staged = probeJar.resolveSibling(PROBE_FILE);
        List<Double> toOk = new ArrayList<>();
        List<Double> toGone = new ArrayList<>();
        Map<String, List<Double>> stages = new LinkedHashMap<>();
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
        return new Figures(active, toOk, toGone, stages);
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

    /** The rows of all numbers of active plugins, with the targets. */
    static void report(List<Figures> all, Report report) {
        for (Figures f : all) {
            String n = f.active() + " active";
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
        }
        Figures first = all.get(0);
        Figures last = all.get(all.size() - 1);
        if (all.size() > 1) {
            double ratio = Stats.median(last.toOkMillis()) / Stats.median(first.toOkMillis());
            report.row("deploy", "median rename -> 200 at " + last.active() + " active / at " + first.active(),
                    Stats.num(ratio) + "x", "<= 1.2x", ratio <= 1.2);
        }
    }
}
