import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hello replaced again and again (each time a JAR whose greeting names its version, renamed over
 * deploy/hello.jar) while client threads keep calling it: every answer that is not 200, and the
 * latency of requests during an update against those outside.
 *
 * <p>An update's window runs from the rename until the new greeting has been answered and the last
 * failed or stale answer of that update has arrived; a request overlapping a window is "during".
 */
final class UpdateUnderLoad {

    static final int CLIENTS = 16;
    private static final Pattern VERSIONED = Pattern.compile("\"Hello v(\\d+), Ada!\"");
    private static final String ORIGINAL = "\"Hello, Ada!\"";
    private static final int UNKNOWN_BODY = -1;
    private static final long WARM_UP_MILLIS = 5_000;
    private static final long QUIET_MILLIS = 3_000;

    /** One request: when it started and ended, its status and which greeting version it carried. */
    private record Exchange(long start, long end, int status, int version) {
    }

    private final RuntimeProcess runtime;
    private final PluginJars jars;
    private final int updates;
    private final AtomicLongArray firstSeen; // per version: end of the first answer carrying it
    private final List<List<Exchange>> recorded = new ArrayList<>();
    private volatile boolean running = true;
    private volatile long recordFrom = Long.MAX_VALUE;

    UpdateUnderLoad(RuntimeProcess runtime, PluginJars jars, int updates) {
        this.runtime = runtime;
        this.jars = jars;
        this.updates = updates;
        this.firstSeen = new AtomicLongArray(updates + 1);
    }

    void run(Report report) throws Exception {
        Path staging = Files.createDirectories(runtime.home().resolve("staging"));
        for (int version = 1; version <= updates; version++) {
            jars.withGreeting("Hello v" + version + ", {0}!", staging.resolve("hello-v" + version + ".jar"));
        }
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<Exchange> mine = new ArrayList<>();
            recorded.add(mine);
            Thread client = new Thread(() -> callHello(mine), "client-" + c);
            client.start();
            clients.add(client);
        }
        long[] renamed = new long[updates + 1];
        try {
            Progress.say("update: " + CLIENTS + " clients warming up");
            Thread.sleep(WARM_UP_MILLIS);
            recordFrom = System.nanoTime();
            Thread.sleep(QUIET_MILLIS);
            for (int version = 1; version <= updates; version++) {
                Progress.say("update: replacing hello.jar, " + version + " of " + updates);
                renamed[version] = System.nanoTime();
                PluginJars.moveInto(staging.resolve("hello-v" + version + ".jar"), runtime.deployFolder(), "hello.jar");
                awaitVersion(version, renamed[version]);
                Thread.sleep(QUIET_MILLIS);
            }
        } finally {
            running = false;
            for (Thread client : clients) {
                client.join();
            }
        }
        summarize(renamed, report);
    }

    private void callHello(List<Exchange> mine) {
        try (KeepAliveClient client = new KeepAliveClient("127.0.0.1", runtime.port(), "Bearer " + runtime.apiKey())) {
            while (running) {
                long start = System.nanoTime();
                KeepAliveClient.Answer answer = client.get(PluginPopulation.greeting(PluginJars.HELLO));
                long end = System.nanoTime();
                int version = version(answer);
                if (version > 0 && version <= updates) {
                    firstSeen.compareAndSet(version, 0, end);
                }
                if (start >= recordFrom) {
                    mine.add(new Exchange(start, end, answer.status(), version));
                }
            }
        }
    }

    private static int version(KeepAliveClient.Answer answer) {
        if (answer.status() != 200) {
            return UNKNOWN_BODY;
        }
        if (answer.body().contains(ORIGINAL)) {
            return 0;
        }
        Matcher versioned = VERSIONED.matcher(answer.body());
        return versioned.find() ? Integer.parseInt(versioned.group(1)) : UNKNOWN_BODY;
    }

    private void awaitVersion(int version, long renamed) throws InterruptedException {
        while (firstSeen.get(version) == 0) {
            if (System.nanoTime() - renamed > 60_000_000_000L) {
                throw new IllegalStateException("hello did not answer greeting v" + version + " within 60 s of the rename");
            }
            Thread.sleep(2);
        }
    }

    private void summarize(long[] renamed, Report report) {
        List<Exchange> all = recorded.stream().flatMap(List::stream).sorted((a, b) -> Long.compare(a.start(), b.start())).toList();
        long[] windowEnd = new long[updates + 1];
        Map<String, Integer> failures = new TreeMap<>();
        int stale = 0;
        int unknown = 0;
        for (Exchange e : all) {
            int update = updateAt(renamed, e.end());
            boolean failed = e.status() != 200;
            boolean old = !failed && e.version() >= 0 && e.version() < update;
            if (failed) {
                failures.merge(e.status() == KeepAliveClient.IO_ERROR ? "connection failed" : String.valueOf(e.status()), 1, Integer::sum);
            } else if (e.version() == UNKNOWN_BODY) {
                unknown++;
            }
            if (old && e.start() > firstSeen.get(update)) {
                stale++; // an old greeting after the new one had been answered
            }
            if (update > 0 && (failed || old || e.version() == UNKNOWN_BODY)) {
                windowEnd[update] = Math.max(windowEnd[update], e.end());
            }
        }
        List<Long> during = new ArrayList<>();
        List<Long> outside = new ArrayList<>();
        List<Double> toNewGreeting = new ArrayList<>();
        List<Double> windows = new ArrayList<>();
        for (int u = 1; u <= updates; u++) {
            windowEnd[u] = Math.max(windowEnd[u], firstSeen.get(u));
            toNewGreeting.add(Stats.millis(firstSeen.get(u) - renamed[u]));
            windows.add(Stats.millis(windowEnd[u] - renamed[u]));
        }
        for (Exchange e : all) {
            boolean overlaps = false;
            for (int u = 1; u <= updates && !overlaps; u++) {
                overlaps = e.start() <= windowEnd[u] && e.end() >= renamed[u];
            }
            (overlaps ? during : outside).add(e.end() - e.start());
        }
        int nonOk = failures.values().stream().mapToInt(Integer::intValue).sum();
        report.row("update", "requests by " + CLIENTS + " clients over " + updates + " replacements of hello.jar",
                all.size() + " (" + during.size() + " during updates, " + outside.size() + " outside)");
        report.row("update", "answers other than 200", nonOk == 0 ? "0" : nonOk + " " + failures, "0", nonOk == 0);
        report.row("update", "200 with an old greeting after the new one was answered; with an unknown body",
                stale + "; " + unknown, "0; 0", stale == 0 && unknown == 0);
        report.row("update", "rename -> first answer with the new greeting",
                "median " + Stats.num(Stats.median(toNewGreeting)) + " ms, max " + Stats.num(Stats.max(toNewGreeting)) + " ms");
        report.row("update", "update window (rename -> last failed or old answer)",
                "median " + Stats.num(Stats.median(windows)) + " ms, max " + Stats.num(Stats.max(windows)) + " ms");
        long[] in = Stats.sorted(during.stream().mapToLong(Long::longValue).toArray());
        long[] out = Stats.sorted(outside.stream().mapToLong(Long::longValue).toArray());
        if (in.length == 0 || out.length == 0) {
            throw new IllegalStateException("no requests " + (in.length == 0 ? "during" : "outside") + " the updates to compare");
        }
        report.row("update", "latency outside updates p50 / p99 / max", latencies(out));
        report.row("update", "latency during updates p50 / p99 / max", latencies(in));
        report.row("update", "added latency during updates p50 / p99 / max",
                added(in, out, 50) + " / " + added(in, out, 99) + " / " + Stats.num(Stats.millis(in[in.length - 1] - out[out.length - 1])) + " ms");
        report.raw("update: rename -> new greeting ms " + Stats.list(toNewGreeting));
        report.raw("update: window ms " + Stats.list(windows));
        report.raw("update: non-200 by status " + failures);
    }

    /** The update in force at a time (0 before the first rename). */
    private int updateAt(long[] renamed, long time) {
        int update = 0;
        for (int u = 1; u <= updates && renamed[u] <= time; u++) {
            update = u;
        }
        return update;
    }

    private static String latencies(long[] sorted) {
        return Stats.num(Stats.millis(Stats.percentile(sorted, 50))) + " / " + Stats.num(Stats.millis(Stats.percentile(sorted, 99)))
                + " / " + Stats.num(Stats.millis(sorted[sorted.length - 1])) + " ms";
    }

    private static String added(long[] during, long[] outside, double p) {
        return Stats.num(Stats.millis(Stats.percentile(during, p) - Stats.percentile(outside, p)));
    }
}
