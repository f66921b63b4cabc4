import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resident memory of the runtime process (VmRSS) after full collections, with the heap and
 * metaspace in use beside it so a growth can be placed.
 */
final class ResidentMemory {

    private static final Pattern HEAP_COMMITTED = Pattern.compile("heap\\s+total (\\d+)K");
    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Pattern NMT_CATEGORY = Pattern.compile("(?m)^-\\s+(.+?) \\(reserved=\\d+KB, committed=(\\d+)KB\\)");
    private static final Pattern METASPACE_USED = Pattern.compile("Metaspace\\s+used (\\d+)K");

    /** One measurement at a number of active plugins; sizes in MiB. */
    record Sample(int active, List<Double> rssMib, double heapCommittedMib, double heapUsedMib, double metaspaceUsedMib,
                  int threads, Map<String, Double> nativeCommittedMib) {
        double medianRss() {
            return Stats.median(rssMib);
        }
    }

    private final RuntimeProcess runtime;

    ResidentMemory(RuntimeProcess runtime) {
        this.runtime = runtime;
    }

    /**
     * Collects twice, trims the native heap, lets the process settle, then reads VmRSS
     * {@code samples} times a second apart.
     */
    Sample measure(int active, int samples) throws Exception {
        Progress.say("rss: " + active + " active, collecting and reading VmRSS " + samples + " times");
        runtime.jcmd("GC.run");
        Thread.sleep(1000);
        runtime.jcmd("GC.run");
        trimNativeHeap();
        Thread.sleep(1000);
        List<Double> rss = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            rss.add(runtime.residentKib() / 1024.0);
            Thread.sleep(1000);
        }
        String heap = runtime.jcmd("GC.heap_info");
        return new Sample(active, rss, kib(HEAP_COMMITTED, heap) / 1024.0, kib(HEAP_USED, heap) / 1024.0,
                kib(METASPACE_USED, heap) / 1024.0, runtime.threads(), nativeMemory());
    }

    /** Gives freed malloc memory back to the system (JDK 17.0.9 and later), so VmRSS is what is in use. */
    private void trimNativeHeap() throws Exception {
        try {
            runtime.jcmd("System.trim_native_heap");
        } catch (IllegalStateException notThisJdk) {
            Progress.say("rss: System.trim_native_heap is not available: VmRSS includes freed malloc memory");
        }
    }

    /** Committed memory by category when the runtime runs with -XX:NativeMemoryTracking, else empty. */
    private Map<String, Double> nativeMemory() throws Exception {
        Map<String, Double> committed = new LinkedHashMap<>();
        Matcher category = NMT_CATEGORY.matcher(runtime.jcmd("VM.native_memory", "summary"));
        while (category.find()) {
            committed.put(category.group(1).trim(), Long.parseLong(category.group(2)) / 1024.0);
        }
        return committed;
    }

    static void report(List<Sample> samples, Report report) {
        for (Sample s : samples) {
            report.row("rss", "VmRSS after GC, " + s.active() + " active", Stats.num(s.medianRss()) + " MiB (" + parts(s) + ")");
            report.raw("rss " + s.active() + " active: VmRSS MiB " + Stats.list(s.rssMib()) + "; " + parts(s));
        }
        Sample first = samples.get(0);
        for (Sample s : samples.subList(1, samples.size())) {
            int added = s.active() - first.active();
            double perPlugin = (s.medianRss() - first.medianRss()) / added;
            report.row("rss", "VmRSS per added plugin, " + first.active() + " -> " + s.active() + " active",
                    Stats.num(perPlugin) + " MiB (heap committed " + Stats.num((s.heapCommittedMib() - first.heapCommittedMib()) / added)
                            + ", heap used " + Stats.num((s.heapUsedMib() - first.heapUsedMib()) / added)
                            + ", metaspace " + Stats.num((s.metaspaceUsedMib() - first.metaspaceUsedMib()) / added)
                            + " MiB, threads " + Stats.num((s.threads() - first.threads()) / (double) added) + ")",
                    "<= 5 MB (4.77 MiB)", perPlugin * 1.048576 <= 5);
            if (!s.nativeCommittedMib().isEmpty() && !first.nativeCommittedMib().isEmpty()) {
                report.row("rss", "native memory tracking: committed MiB per added plugin, " + first.active() + " -> " + s.active()
                        + ", largest", largestGrowth(first.nativeCommittedMib(), s.nativeCommittedMib(), added));
            }
        }
        for (Sample s : samples) {
            if (!s.nativeCommittedMib().isEmpty()) {
                report.raw("rss " + s.active() + " active: native memory committed MiB " + s.nativeCommittedMib());
            }
        }
    }

    private static String largestGrowth(Map<String, Double> before, Map<String, Double> after, int added) {
        return after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / added))
                .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .limit(6)
                .map(e -> e.getKey() + " " + Stats.num(e.getValue()))
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String parts(Sample s) {
        return "heap committed " + Stats.num(s.heapCommittedMib()) + " MiB, used " + Stats.num(s.heapUsedMib())
                + " MiB; metaspace used " + Stats.num(s.metaspaceUsedMib()) + " MiB; " + s.threads() + " threads";
    }

    private static long kib(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        if (!matcher.find()) {
            throw new IllegalStateException("jcmd GC.heap_info printed no " + pattern + ":\n" + text);
        }
        return Long.parseLong(matcher.group(1));
    }
}
