import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Requests per second and latency of {@code GET /api/v1/hello/greeting} on the runtime with the
 * governor on and off, against the bare Jersey server doing the same work, in alternating stretches
 * (bare, on, off, off, on, bare, ...) so drift of the shared machine hits every side alike.
 */
final class HelloThroughput {

    /**
     * The live switch of admission and metering: the configuration PID and its boolean key, written
     * to config/PID.cfg of the runtime home. The one place to change when the runtime renames it.
     */
    record GovernorSwitch(String pid, String key) {
    }

    static final GovernorSwitch GOVERNOR = new GovernorSwitch("org.aibase.rest.governor", "enabled");
    /** Where the runtime counts hello's metered requests: the count grows only with the governor on. */
    private static final String USAGE = "/api/v1/plugins/hello/usage";
    private static final String EXPECTED = "{\"message\":\"Hello, Ada!\"}";
    private static final int WARM_UP_SECONDS = 15;

    private enum Side {
        BARE("bare Jersey"), ON("runtime, governor on"), OFF("runtime, governor off");

        final String label;

        Side(String label) {
            this.label = label;
        }
    }

    private static final Side[] CYCLE = { Side.BARE, Side.ON, Side.OFF, Side.OFF, Side.ON, Side.BARE };

    private record Stretch(int cycle, Side side, LoadGenerator.Segment segment) {
    }

    private final Path runtimeJar;
    private final Path helloJar;
    private final Path bareProject;
    private final LoadGenerator load;
    private final int cycles;
    private final int seconds;

    HelloThroughput(Path runtimeJar, Path helloJar, Path bareProject, LoadGenerator load, int samples, int seconds) {
        this.runtimeJar = runtimeJar;
        this.helloJar = helloJar;
        this.bareProject = bareProject;
        this.load = load;
        this.cycles = Math.max(1, (samples + 1) / 2);
        this.seconds = seconds;
    }

    void run(Report report) throws Exception {
        String bareKey = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        try (BareServer bare = BareServer.start(bareProject, bareKey);
             RuntimeProcess runtime = RuntimeProcess.start(runtimeJar, List.of(helloJar), "throughput")) {
            runtime.explainingFailures(() -> {
                Map<Side, Integer> ports = new EnumMap<>(Map.of(Side.BARE, bare.port(), Side.ON, runtime.port(), Side.OFF, runtime.port()));
                Map<Side, String> keys = new EnumMap<>(Map.of(Side.BARE, "Bearer " + bareKey,
                        Side.ON, "Bearer " + runtime.apiKey(), Side.OFF, "Bearer " + runtime.apiKey()));
                report.note("Load: " + load.describe() + ", " + seconds + " s a stretch, " + cycles
                        + " cycles of bare, on, off, off, on, bare after " + WARM_UP_SECONDS + " s of warm-up each; bare server: "
                        + bare.versions());
                List<Stretch> stretches = new ArrayList<>();
                Side governor = Side.ON;
                for (int cycle = 0; cycle <= cycles; cycle++) {
                    for (Side side : cycle == 0 ? new Side[] { Side.BARE, Side.ON, Side.OFF } : CYCLE) {
                        if (side != Side.BARE && side != governor) {
                            switchGovernor(runtime, side == Side.ON);
                            governor = side;
                        }
                        int length = cycle == 0 ? WARM_UP_SECONDS : seconds;
                        Progress.say("throughput: " + (cycle == 0 ? "warm-up" : "cycle " + cycle + " of " + cycles) + ", "
                                + side.label + ", " + length + " s");
                        LoadGenerator.Segment segment = stretch(ports.get(side), keys.get(side), length);
                        if (cycle > 0) {
                            stretches.add(new Stretch(cycle, side, segment));
                        }
                    }
                }
                summarize(stretches, report);
            });
        }
    }

    /**
     * One stretch of load, after a request that checks the answer. A few answers other than 2xx are
     * counted, not fatal: on a starved machine the governor refuses a call whose wait for one of
     * hello's 16 slots passes 250 ms with 429, as it should; more than 1 % means something is broken.
     */
    private LoadGenerator.Segment stretch(int port, String authorization, int length) throws Exception {
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", port, authorization)) {
            KeepAliveClient.Answer answer = client.get(PluginPopulation.greeting(PluginJars.HELLO));
            if (answer.status() != 200 || !answer.body().equals(EXPECTED)) {
                throw new IllegalStateException("port " + port + " answered " + answer.status() + " " + answer.body() + ", not 200 " + EXPECTED);
            }
        }
        LoadGenerator.Segment segment = load.run("127.0.0.1", port, PluginPopulation.greeting(PluginJars.HELLO), authorization, length);
        if (segment.requests() == 0 || segment.failed() * 100 > segment.requests()) {
            throw new IllegalStateException("port " + port + ": " + segment.failed() + " failed of " + segment.requests()
                    + " requests under load");
        }
        return segment;
    }

    /** Writes the switch's configuration file and waits until hello's metering shows it took effect. */
    private static void switchGovernor(RuntimeProcess runtime, boolean on) throws Exception {
        Progress.say("throughput: governor " + (on ? "on" : "off"));
        Files.writeString(runtime.home().resolve("config").resolve(GOVERNOR.pid() + ".cfg"), GOVERNOR.key() + "=" + on + "\n");
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", runtime.port(), "Bearer " + runtime.apiKey())) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (System.nanoTime() < deadline) {
                long before = meteredRequests(client);
                client.get(PluginPopulation.greeting(PluginJars.HELLO));
                if ((meteredRequests(client) > before) == on) {
                    return;
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the governor did not switch " + (on ? "on" : "off") + " within 20 s of writing "
                + GOVERNOR.pid() + ".cfg (judged by " + USAGE + ")");
    }

    private static long meteredRequests(KeepAliveClient client) {
        KeepAliveClient.Answer usage = client.get(USAGE);
        int at = usage.body().indexOf("\"requests\":");
        if (usage.status() != 200 || at < 0) {
            throw new IllegalStateException("GET " + USAGE + " answered " + usage.status() + " " + usage.body()
                    + ", without the \"requests\" count that tells whether the governor is on");
        }
        return Long.parseLong(usage.body().substring(at + 11).split("[,}]")[0].trim());
    }

    private void summarize(List<Stretch> stretches, Report report) {
        for (Side side : Side.values()) {
            List<LoadGenerator.Segment> mine = stretches.stream().filter(s -> s.side() == side).map(Stretch::segment).toList();
            List<Double> rates = mine.stream().map(LoadGenerator.Segment::answeredPerSecond).toList();
            String result = Stats.num(Stats.median(rates)) + " req/s (" + Stats.num(Stats.min(rates)) + "-" + Stats.num(Stats.max(rates))
                    + "), p50 " + Stats.num(Stats.median(mine.stream().map(LoadGenerator.Segment::p50Millis).toList()))
                    + " ms, p99 " + Stats.num(Stats.median(mine.stream().map(LoadGenerator.Segment::p99Millis).toList())) + " ms";
            report.row("throughput", side.label + ": median of " + mine.size() + " stretches (range), median p50, p99", result);
        }
        for (Side side : Side.values()) {
            long failed = stretches.stream().filter(s -> s.side() == side).mapToLong(s -> s.segment().failed()).sum();
            long requests = stretches.stream().filter(s -> s.side() == side).mapToLong(s -> s.segment().requests()).sum();
            report.row("throughput", side.label + ": answers other than 2xx (not counted in req/s)", failed + " of " + requests);
        }
        ratioRow(Side.OFF, 0.9, stretches, report);
        ratioRow(Side.ON, 0.85, stretches, report);
        for (Stretch s : stretches) {
            report.raw("throughput cycle " + s.cycle() + " " + s.side().label + ": " + Stats.num(s.segment().answeredPerSecond())
                    + " req/s, p50 " + Stats.num(s.segment().p50Millis()) + " ms, p99 " + Stats.num(s.segment().p99Millis())
                    + " ms, " + s.segment().requests() + " requests, " + s.segment().failed() + " not 2xx");
        }
    }

    /**
     * The median over cycles of the side's mean rate over bare's in the same cycle (each cycle is
     * symmetric, so a steady drift cancels), with the range of those ratios as its spread.
     */
    private void ratioRow(Side side, double target, List<Stretch> stretches, Report report) {
        List<Double> perCycle = new ArrayList<>();
        for (int cycle = 1; cycle <= cycles; cycle++) {
            perCycle.add(meanRate(stretches, cycle, side) / meanRate(stretches, cycle, Side.BARE));
        }
        double ratio = Stats.median(perCycle);
        report.row("throughput", side.label + " / bare, req/s: median of the " + cycles + " cycles' ratios (range)",
                Stats.num(ratio) + "x (" + Stats.num(Stats.min(perCycle)) + "-" + Stats.num(Stats.max(perCycle)) + ")",
                ">= " + target + "x", ratio >= target);
        report.raw("throughput " + side.label + " / bare per cycle " + Stats.list(perCycle));
    }

    private static double meanRate(List<Stretch> stretches, int cycle, Side side) {
        return stretches.stream().filter(s -> s.cycle() == cycle && s.side() == side)
                .mapToDouble(s -> s.segment().answeredPerSecond()).average().orElseThrow();
    }
}
