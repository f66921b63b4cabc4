package org.aibase.plugin.dashboard.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.aibase.api.metrics.MetricStep;

/** The time ranges of widgets, reports and exports, each with the resolution its charts use. */
public enum TimeRange {
    MINUTES_15("15m", Duration.ofMinutes(15), MetricStep.RAW),
    HOUR("1h", Duration.ofHours(1), MetricStep.MINUTE),
    DAY("24h", Duration.ofHours(24), MetricStep.HOUR),
    WEEK("7d", Duration.ofDays(7), MetricStep.HOUR);

    private final String id;
    private final Duration length;
    private final MetricStep step;

    TimeRange(String id, Duration length, MetricStep step) {
        this.id = id;
        this.length = length;
        this.step = step;
    }

    public String id() {
        return id;
    }

    public Duration length() {
        return length;
    }

    public MetricStep step() {
        return step;
    }

    public static Optional<TimeRange> fromId(String id) {
        return Arrays.stream(values()).filter(r -> r.id.equalsIgnoreCase(id == null ? "" : id.strip())).findFirst();
    }

    /** "15m, 1h, 24h, 7d". */
    public static String allowed() {
        return Arrays.stream(values()).map(TimeRange::id).collect(Collectors.joining(", "));
    }
}
