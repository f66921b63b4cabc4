package org.aibase.api.metrics;

import java.util.List;
import java.util.Objects;

/**
 * The history of one metric for one plugin (or the system).
 *
 * @param metric the metric name
 * @param plugin the plugin id, or {@link MetricsService#SYSTEM}
 * @param kind counter or gauge
 * @param step the resolution
 * @param points the points in time order
 */
public record MetricSeries(String metric, String plugin, MetricKind kind, MetricStep step, List<MetricPoint> points) {

    /** Checks the fields and copies the points. */
    public MetricSeries {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(step, "step");
        points = List.copyOf(points);
    }

    /** For a counter the total increase, for a gauge the mean over the points; 0 without points. */
    public double summary() {
        if (points.isEmpty()) {
            return 0;
        }
        if (kind == MetricKind.COUNTER) {
            return points.stream().mapToDouble(MetricPoint::value).sum();
        }
        double weighted = 0;
        long samples = 0;
        for (MetricPoint p : points) {
            weighted += p.value() * p.samples();
            samples += p.samples();
        }
        return samples == 0 ? 0 : weighted / samples;
    }

    /** The largest sample of the series; 0 without points. */
    public double peak() {
        return points.stream().mapToDouble(MetricPoint::max).max().orElse(0);
    }
}
