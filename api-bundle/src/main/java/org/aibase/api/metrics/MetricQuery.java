package org.aibase.api.metrics;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A history query.
 *
 * @param metric the metric name
 * @param plugin only this plugin's series; empty for every plugin (ignored for system metrics)
 * @param from the first instant included
 * @param to the last instant included
 * @param step the resolution
 */
public record MetricQuery(String metric, Optional<String> plugin, Instant from, Instant to, MetricStep step) {

    /** Checks the fields. */
    public MetricQuery {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(step, "step");
    }

    /** Every plugin's series of the metric from {@code from} until now. */
    public static MetricQuery since(String metric, Instant from, MetricStep step) {
        return new MetricQuery(metric, Optional.empty(), from, Instant.now(), step);
    }
}
