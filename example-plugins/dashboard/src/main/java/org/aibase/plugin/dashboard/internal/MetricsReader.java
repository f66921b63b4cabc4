package org.aibase.plugin.dashboard.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import org.aibase.api.metrics.MetricPoint;
import org.aibase.api.metrics.MetricQuery;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricsService;

/** The platform's metrics as the dashboard reads them: series by plugin, figures per plugin. */
public final class MetricsReader {

    private final MetricsService metrics;

    public MetricsReader(MetricsService metrics) {
        this.metrics = metrics;
    }

    public MetricsService service() {
        return metrics;
    }

    /** The series of a metric over the range ending now, by plugin ("" for system metrics). */
    public Map<String, MetricSeries> series(String metric, Optional<String> plugin, TimeRange range) {
        Instant now = Instant.now();
        Map<String, MetricSeries> byPlugin = new LinkedHashMap<>();
        for (MetricSeries s : metrics.query(new MetricQuery(metric, plugin, now.minus(range.length()), now, range.step()))) {
            byPlugin.put(s.plugin(), s);
        }
        return byPlugin;
    }

    /** Each plugin's figures over the range, ordered by plugin id; only plugins with samples. */
    public List<PluginFigures> figures(TimeRange range, Optional<String> plugin) {
        Map<String, MetricSeries> requests = series("requests", plugin, range);
        Map<String, MetricSeries> errors = series("errors", plugin, range);
        Map<String, MetricSeries> clientErrors = series("client_errors", plugin, range);
        Map<String, MetricSeries> p50 = series("latency_p50_ms", plugin, range);
        Map<String, MetricSeries> p95 = series("latency_p95_ms", plugin, range);
        Map<String, MetricSeries> cpu = series("cpu_ms", plugin, range);
        Map<String, MetricSeries> timeouts = series("timeouts", plugin, range);
        Map<String, MetricSeries> runaways = series("runaways", plugin, range);
        Map<String, MetricSeries> llmCalls = series("llm_calls", plugin, range);
        Map<String, MetricSeries> tokens = series("llm_tokens", plugin, range);
        Map<String, MetricSeries> window = series("llm_tokens_last_hour", plugin, range);
        Map<String, MetricSeries> budget = series("limit_llm_tokens_per_hour", plugin, range);
        Map<String, MetricSeries> timeout = series("limit_timeout_ms", plugin, range);
        Map<String, MetricSeries> completed = series("jobs_completed", plugin, range);
        Map<String, MetricSeries> failed = series("jobs_failed", plugin, range);
        TreeSet<String> ids = new TreeSet<>(requests.keySet());
        ids.addAll(tokens.keySet());
        return ids.stream().map(id -> new PluginFigures(id, sum(requests, id), sum(errors, id), sum(clientErrors, id),
                mean(p50, id), mean(p95, id), sum(cpu, id), sum(timeouts, id), sum(runaways, id), sum(llmCalls, id),
                sum(tokens, id), last(window, id).orElse(0), last(budget, id), last(timeout, id),
                last(completed, id).orElse(0), last(failed, id).orElse(0))).toList();
    }

    private static double sum(Map<String, MetricSeries> series, String id) {
        MetricSeries s = series.get(id);
        return s == null ? 0 : s.summary();
    }

    private static double mean(Map<String, MetricSeries> series, String id) {
        return sum(series, id); // a gauge's summary is its mean
    }

    /** The latest value of a gauge in the range. */
    static OptionalDouble last(Map<String, MetricSeries> series, String id) {
        MetricSeries s = series.get(id);
        if (s == null || s.points().isEmpty()) {
            return OptionalDouble.empty();
        }
        MetricPoint point = s.points().get(s.points().size() - 1);
        return OptionalDouble.of(point.max());
    }

    /** A series as JSON: {@code {"plugin", "points": [[iso time, value], ...]}}. */
    public static Map<String, Object> json(MetricSeries series) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", series.plugin().isEmpty() ? null : series.plugin());
        json.put("metric", series.metric());
        json.put("kind", series.kind().id());
        json.put("step", series.step().id());
        json.put("points", series.points().stream().map(p -> List.of(p.time().toString(), PluginFigures.round(p.value()))).toList());
        return json;
    }
}
