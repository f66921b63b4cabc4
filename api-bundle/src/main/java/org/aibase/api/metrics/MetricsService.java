package org.aibase.api.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Read-only platform metrics (granted by the {@code metrics.read} permission): what every plugin and
 * the platform itself measured, now and in the sampled history.
 */
@ProviderType
public interface MetricsService {

    /** The plugin of a system metric's series (system metrics belong to no plugin). */
    String SYSTEM = "";

    /** Every metric that is sampled, system metrics first. */
    List<MetricInfo> metrics();

    /** How often the history is sampled. */
    Duration samplingInterval();

    /** How long samples are kept. */
    Duration retention();

    /**
     * The latest sample of every metric, by plugin id ({@link #SYSTEM} for system metrics) and metric
     * name; counters are cumulative here. Empty before the first sample.
     */
    Map<String, Map<String, Double>> latest();

    /**
     * The history of one metric: one series per plugin (or the one system series), in time order.
     *
     * @throws MetricsException {@code invalid_query} for an unknown metric or an empty or inverted range
     */
    List<MetricSeries> query(MetricQuery query);
}
