package org.aibase.deployer.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * The stages of one deployment in milliseconds since its file event was detected, and the one log
 * line that reports them. The line's format is parsed by the benchmark scripts: keep it stable.
 */
final class DeploymentTimeline {

    static final String VALIDATED = "validated";
    static final String INSTALLED = "installed";
    static final String STARTED = "started";
    static final String ENDPOINTS_REGISTERED = "endpoints registered";

    /** Whether a plugin arrived or was replaced. */
    enum Kind {
        DEPLOYED("Deployed"),
        UPDATED("Updated");

        private final String verb;

        Kind(String verb) {
            this.verb = verb;
        }
    }

    private final String file;
    private final Kind kind;
    private final LongSupplier nanoClock;
    private final long detectedNanos;
    private final Map<String, Long> marks = new LinkedHashMap<>();

    /** A timeline for the given file, whose event was detected at {@code detectedNanos} of the clock. */
    DeploymentTimeline(String file, Kind kind, LongSupplier nanoClock, long detectedNanos) {
        this.file = file;
        this.kind = kind;
        this.nanoClock = nanoClock;
        this.detectedNanos = detectedNanos;
    }

    /** The file name. */
    String file() {
        return file;
    }

    /** Records that a stage was reached now; a stage is recorded once. */
    synchronized void mark(String stage) {
        marks.putIfAbsent(stage, millisSinceDetected(nanoClock.getAsLong()));
    }

    /** Whether a stage was reached. */
    synchronized boolean reached(String stage) {
        return marks.containsKey(stage);
    }

    /**
     * The report line, e.g. {@code Deployed hello.jar (hello 1.0.0) in 87 ms: detected 0, validated 6,
     * installed 15, started 41, endpoints registered 80}.
     */
    synchronized String line(String pluginId, String version) {
        long total = marks.values().stream().mapToLong(Long::longValue).max().orElse(0);
        String stages = marks.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        return kind.verb + " " + file + " (" + pluginId + " " + version + ") in " + total + " ms: detected 0"
                + (stages.isEmpty() ? "" : ", " + stages);
    }

    /** The report line of a removal, e.g. {@code Removed hello.jar (hello) in 12 ms}. */
    static String removedLine(String file, String pluginId, long millis) {
        return "Removed " + file + " (" + pluginId + ") in " + millis + " ms";
    }

    private long millisSinceDetected(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos - detectedNanos);
    }
}
