package org.aibase.api.metrics;

import java.util.Objects;

/**
 * A sampled metric.
 *
 * @param name e.g. {@code requests}, {@code heap_used_bytes}
 * @param kind counter or gauge
 * @param unit e.g. {@code count}, {@code ms}, {@code bytes}, {@code ratio}
 * @param perPlugin whether it is sampled per plugin (else once for the system)
 * @param description what it measures
 */
public record MetricInfo(String name, MetricKind kind, String unit, boolean perPlugin, String description) {

    /** Checks the fields. */
    public MetricInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(description, "description");
    }
}
