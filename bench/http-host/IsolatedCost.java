import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What {@code security: isolated} costs, against the same plugin in-process: a hello clone
 * ({@code ihello}, isolated) from rename into deploy/ to its first 200: the first in a JVM started for
 * it before the runtime recorded its class-data archive, the others in the spare JVM the runtime keeps
 * warm (each deployment waits until one is there); how long a spare, started from the archive, takes
 * to serve (the runtime's own figure); the resident memory of ihello's JVM and of the idle spare; and
 * hello's throughput and p99 in-process against ihello's through its JVM, stretches alternated in one run.
 */
final class IsolatedCost {

    static final String ISOLATED = "ihello";
    private static final String FILE = ISOLATED + ".jar";
    /** The runtime's line once the class-data archive of isolated plugins' JVMs is there. */
    private static final String ARCHIVE_RECORDED = "Recorded the class-data archive";
    /** The runtime's line once a spare JVM serves: its pid and after how many ms of its start. */
    private static final java.util.regex.Pattern SPARE_WAITS =
            java.util.regex.Pattern.compile("A spare JVM \\(pid (\\d+)\\) waits.* served after (\\d+) ms");
    /** The runtime's line once a plugin's JVM serves, with its pid. */
    private static final java.util.regex.Pattern SERVES =
            java.util.regex.Pattern.compile("Plugin '" + ISOLATED + "' serves from its own JVM \\(pid (\\d+)");
    /** One caller: calls per side before measuring, rounds measured and calls per side in each. */
    private static final int WARM_UP_CALLS = 5000;
    private static final int SEQUENTIAL_ROUNDS = 5;
    private static final int SEQUENTIAL_CALLS = 2000;

    private final Path runtimeJar;
    private final Path helloJar;
    private final PluginJars jars;
    private final LoadGenerator load;
    private final int rounds;
    private final int seconds;

    IsolatedCost(Path runtimeJar, Path helloJar, PluginJars jars, LoadGenerator load, int rounds, int seconds) {
        this.runtimeJar = runtimeJar;
        this.helloJar = helloJar;
        this.jars = jars;
        this.load = load;
        this.rounds = rounds;
        this.seconds = seconds;
    }

    void run(Report report) throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, List.of(helloJar), "isolated");
             KeepAliveClient client = new KeepAliveClient("127.0.0.1", runtime.port(), "Bearer " + runtime.apiKey())) {
            runtime.explainingFailures(() -> measure(runtime, client, report));
        }
    }

    private void measure(RuntimeProcess runtime, KeepAliveClient client, Report report) throws Exception {
        Path staging = Files.createDirectories(runtime.home().resolve("staging"));
        Path template = staging.resolve("isolated-template.jar");
        jars.cloneAs(ISOLATED, template, true);
        String target = PluginPopulation.greeting(ISOLATED);
        List<Double> toOk = new ArrayList<>();
        List<Double> spareStarts = new ArrayList<>();
        long spareMark = runtime.output().mark();
        long childPid = 0;
        int deployments = Math.max(4, Math.min(rounds, 10));
        for (int round = 1; round <= deployments; round++) {
            if (round > 1) {
                // the runtime starts a spare once the last JVM served (and the archive is recorded): wait for it
                Optional<String> waits = runtime.output().lineWithin(line -> SPARE_WAITS.matcher(line).find(), spareMark, 60,
                        "a spare JVM");
                if (waits.isEmpty()) {
                    Progress.say("isolated: no spare JVM within 60 s; this deployment starts a JVM for ihello");
                } else {
                    spareStarts.add(Double.parseDouble(spareWaiting(waits.get()).group(2)));
                }
            }
            Progress.say("isolated: deployment " + round + " of " + deployments);
            Path staged = staging.resolve(FILE);
            Files.copy(template, staged);
            spareMark = runtime.output().mark();
            long renamed = System.nanoTime();
            PluginJars.moveInto(staged, runtime.deployFolder(), FILE);
            toOk.add(Stats.millis(client.awaitStatus(target, 200, renamed, 60_000)));
            java.util.regex.Matcher serves = SERVES.matcher(runtime.output().lineWithin(line -> SERVES.matcher(line).find(),
                    spareMark, 10, "ihello's JVM").orElse(""));
            childPid = serves.find() ? Long.parseLong(serves.group(1)) : 0;
            if (round == 1) {
                // the runtime records the class-data archive its plugins' JVMs start from once the first one serves
                runtime.output().lineWithin(line -> line.contains(ARCHIVE_RECORDED), 0, 60, "the class-data archive")
                        .ifPresentOrElse(line -> Progress.say("isolated: class-data archive recorded"),
                                () -> Progress.say("isolated: no class-data archive within 60 s; JVMs start without it"));
            }
            if (round < deployments) {
                long deleted = System.nanoTime();
                Files.delete(runtime.deployFolder().resolve(FILE));
                client.awaitStatus(target, 404, deleted, 30_000);
            }
        }
        List<Double> fromSpare = toOk.subList(1, toOk.size());
        report.row("isolated", "rename -> first 200, the runtime's first isolated JVM (started for it, before the class-data archive)",
                Stats.num(toOk.get(0)) + " ms");
        report.row("isolated", "rename -> first 200, in the spare JVM kept warm (" + fromSpare.size() + " deployments)",
                "median " + Stats.num(Stats.median(fromSpare)) + " ms, max " + Stats.num(Stats.max(fromSpare)) + " ms",
                "<= 1500 ms", Stats.median(fromSpare) <= 1500);
        if (!spareStarts.isEmpty()) {
            report.row("isolated", "a JVM started from the archive: its start to serving (the spares', runtime's log)",
                    "median " + Stats.num(Stats.median(spareStarts)) + " ms, max " + Stats.num(Stats.max(spareStarts)) + " ms");
        }
        report.raw("isolated: rename -> 200 ms " + Stats.list(toOk) + "; spares served after ms " + Stats.list(spareStarts));

        Thread.sleep(1000);
        if (childPid > 0) {
            long rss = RuntimeProcess.procStatus(childPid, "VmRSS:");
            report.row("isolated", "RSS of ihello's JVM after start", Stats.num(rss / 1024.0) + " MiB",
                    "<= 150 MiB", rss <= 150 * 1024);
        }
        Optional<String> idle = runtime.output().lineWithin(line -> SPARE_WAITS.matcher(line).find(), spareMark, 60, "a spare JVM");
        if (idle.isPresent()) {
            report.row("isolated", "RSS of the idle spare JVM (one per runtime while isolated plugins run)",
                    Stats.num(RuntimeProcess.procStatus(Long.parseLong(spareWaiting(idle.get()).group(1)), "VmRSS:") / 1024.0)
                            + " MiB");
        }

        List<LoadGenerator.Segment> inProcess = new ArrayList<>();
        List<LoadGenerator.Segment> isolated = new ArrayList<>();
        String authorization = "Bearer " + runtime.apiKey();
        load.run("127.0.0.1", runtime.port(), PluginPopulation.greeting("hello"), authorization, 2); // warm both up
        load.run("127.0.0.1", runtime.port(), target, authorization, 2);
        int stretches = Math.max(2, rounds);
        for (int i = 0; i < stretches; i++) {
            Progress.say("isolated: throughput stretch " + (i + 1) + " of " + stretches);
            boolean hellofirst = i % 2 == 0;
            for (int side = 0; side < 2; side++) {
                boolean sandbox = (side == 0) == hellofirst;
                LoadGenerator.Segment segment = load.run("127.0.0.1", runtime.port(),
                        sandbox ? PluginPopulation.greeting("hello") : target, authorization, seconds);
                (sandbox ? inProcess : isolated).add(segment);
            }
        }
        double sandboxRps = Stats.median(inProcess.stream().map(LoadGenerator.Segment::answeredPerSecond).toList());
        double isolatedRps = Stats.median(isolated.stream().map(LoadGenerator.Segment::answeredPerSecond).toList());
        double sandboxP99 = Stats.median(inProcess.stream().map(LoadGenerator.Segment::p99Millis).toList());
        double isolatedP99 = Stats.median(isolated.stream().map(LoadGenerator.Segment::p99Millis).toList());
        double sandboxP50 = Stats.median(inProcess.stream().map(LoadGenerator.Segment::p50Millis).toList());
        double isolatedP50 = Stats.median(isolated.stream().map(LoadGenerator.Segment::p50Millis).toList());
        report.row("isolated", "hello in-process: req/s, p50, p99 (" + load.describe() + ", medians of " + stretches + ")",
                Stats.num(sandboxRps) + " req/s, p50 " + Stats.num(sandboxP50) + " ms, p99 " + Stats.num(sandboxP99) + " ms");
        report.row("isolated", "ihello through its JVM: req/s, p50, p99",
                Stats.num(isolatedRps) + " req/s (" + Stats.num(isolatedRps / sandboxRps) + "x), p50 " + Stats.num(isolatedP50)
                        + " ms, p99 " + Stats.num(isolatedP99) + " ms");
        report.row("isolated", "p99 added by the JVM hop at saturation (both JVMs share the cores)",
                Stats.num(isolatedP99 - sandboxP99) + " ms");
        // one caller, one request at a time: what the JVM hop adds to a request when nothing queues; after the
        // stretches above and a long warm-up on this connection, so that both JVMs and this caller run compiled
        // code: with 400 calls of warm-up the caller's own compilations (two cores shared by three JVMs) added
        // 2-3 ms to the p99 of either path, and by hand the p99 of both settled only after ~6,000 calls
        List<long[]> inProcessRounds = new ArrayList<>();
        List<long[]> isolatedRounds = new ArrayList<>();
        try (KeepAliveClient caller = new KeepAliveClient("127.0.0.1", runtime.port(), authorization)) {
            sequentialCalls(caller, target, WARM_UP_CALLS);
            for (int round = 1; round <= SEQUENTIAL_ROUNDS; round++) {
                Progress.say("isolated: one caller, round " + round + " of " + SEQUENTIAL_ROUNDS);
                long[][] sequential = sequentialCalls(caller, target, SEQUENTIAL_CALLS);
                inProcessRounds.add(sequential[0]);
                isolatedRounds.add(sequential[1]);
            }
        }
        List<Double> p50In = percentileOfEach(inProcessRounds, 50);
        List<Double> p99In = percentileOfEach(inProcessRounds, 99);
        List<Double> p50Iso = percentileOfEach(isolatedRounds, 50);
        List<Double> p99Iso = percentileOfEach(isolatedRounds, 99);
        double addedP99 = Stats.median(p99Iso) - Stats.median(p99In);
        String measure = "median of " + SEQUENTIAL_ROUNDS + " rounds of " + SEQUENTIAL_CALLS + " calls each, after "
                + WARM_UP_CALLS + " of warm-up";
        report.row("isolated", "one caller, calls alternated (" + measure + "): hello in-process p50 / p99",
                Stats.num(Stats.median(p50In)) + " / " + Stats.num(Stats.median(p99In)) + " ms");
        report.row("isolated", "the same: ihello through its JVM p50 / p99",
                Stats.num(Stats.median(p50Iso)) + " / " + Stats.num(Stats.median(p99Iso)) + " ms");
        report.row("isolated", "p99 added by the JVM hop, one caller", Stats.num(addedP99) + " ms", "<= 2 ms",
                addedP99 <= 2);
        report.raw("isolated: one caller, per round: in-process p50 " + Stats.list(p50In) + ", p99 " + Stats.list(p99In)
                + "; through its JVM p50 " + Stats.list(p50Iso) + ", p99 " + Stats.list(p99Iso) + " (ms)");

        long failed = isolated.stream().mapToLong(LoadGenerator.Segment::failed).sum();
        report.raw("isolated: failed answers under load " + failed + "; in-process req/s "
                + Stats.list(inProcess.stream().map(LoadGenerator.Segment::answeredPerSecond).toList()) + ", isolated req/s "
                + Stats.list(isolated.stream().map(LoadGenerator.Segment::answeredPerSecond).toList()));
    }

    /** The runtime's line of a waiting spare, matched: its pid (group 1) and start in ms (group 2). */
    private static java.util.regex.Matcher spareWaiting(String line) {
        java.util.regex.Matcher spare = SPARE_WAITS.matcher(line);
        spare.find();
        return spare;
    }

    /** The {@code p}th percentile of each round's sorted latencies, in milliseconds. */
    private static List<Double> percentileOfEach(List<long[]> sortedRounds, double p) {
        return sortedRounds.stream().map(sorted -> Stats.millis(Stats.percentile(sorted, p))).toList();
    }

    /**
     * Calls hello in-process and the isolated clone in turn, one at a time, {@code calls} times each:
     * each side's latencies in nanoseconds, sorted.
     */
    private static long[][] sequentialCalls(KeepAliveClient caller, String target, int calls) {
        long[] inProcessNanos = new long[calls];
        long[] isolatedNanos = new long[calls];
        for (int i = 0; i < 2 * calls; i++) {
            boolean sandbox = i % 2 == 0;
            long startedAt = System.nanoTime();
            KeepAliveClient.Answer answer = caller.get(sandbox ? PluginPopulation.greeting("hello") : target);
            long took = System.nanoTime() - startedAt;
            if (answer.status() != 200) {
                throw new IllegalStateException("a sequential call answered " + answer.status() + " " + answer.body());
            }
            (sandbox ? inProcessNanos : isolatedNanos)[i / 2] = took;
        }
        return new long[][] { Stats.sorted(inProcessNanos), Stats.sorted(isolatedNanos) };
    }
}
