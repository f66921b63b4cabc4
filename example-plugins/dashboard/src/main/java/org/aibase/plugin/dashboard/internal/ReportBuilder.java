package org.aibase.plugin.dashboard.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.metrics.MetricSeries;

/**
 * A report over a time range, from the platform's metrics: summary figures, a per-plugin table, chart
 * series and recommendations by {@link ReportRules}. Types: {@code summary}, {@code plugin},
 * {@code llm}, {@code jobs}; they differ in their charts.
 */
public final class ReportBuilder {

    public static final List<String> TYPES = List.of("summary", "plugin", "llm", "jobs");

    private static final Map<String, List<String>> CHARTS = Map.of(
            "summary", List.of("requests", "latency_p95_ms", "cpu_load"),
            "plugin", List.of("requests", "errors", "latency_p95_ms", "cpu_ms"),
            "llm", List.of("llm_tokens", "llm_calls", "llm_tokens_last_hour"),
            "jobs", List.of("jobs_completed", "jobs_failed", "jobs_running"));

    private final MetricsReader reader;

    public ReportBuilder(MetricsReader reader) {
        this.reader = reader;
    }

    public Map<String, Object> build(String type, TimeRange range, Optional<String> plugin) {
        List<PluginFigures> plugins = reader.figures(range, plugin);
        Map<String, MetricSeries> heap = reader.series("heap_used_bytes", Optional.empty(), range);
        Map<String, MetricSeries> heapMax = reader.series("heap_max_bytes", Optional.empty(), range);
        double heapPeak = heap.values().stream().mapToDouble(MetricSeries::peak).max().orElse(0);
        double heapLimit = heapMax.values().stream().mapToDouble(MetricSeries::peak).max().orElse(0);

        Map<String, Object> report = new LinkedHashMap<>();
        report.put("title", title(type, range, plugin));
        report.put("type", type);
        report.put("time_range", range.id());
        report.put("generated_at", Instant.now().toString());
        report.put("summary", summary(plugins, heapPeak, heapLimit));
        report.put("plugins", plugins.stream().map(PluginFigures::json).toList());
        Map<String, Object> charts = new LinkedHashMap<>();
        for (String metric : CHARTS.get(type)) {
            charts.put(metric, reader.series(metric, plugin, range).values().stream().map(MetricsReader::json).toList());
        }
        report.put("charts", charts);
        report.put("recommendations", ReportRules.evaluate(plugins, heapPeak, heapLimit).stream().map(Recommendation::json).toList());
        report.put("rules", ReportRules.STATED);
        return report;
    }

    private static String title(String type, TimeRange range, Optional<String> plugin) {
        String what = switch (type) {
            case "plugin" -> "Plugin report";
            case "llm" -> "LLM usage report";
            case "jobs" -> "Jobs report";
            default -> "Platform summary";
        };
        return what + plugin.map(p -> " for " + p).orElse("") + ", last " + range.id();
    }

    static Map<String, Object> summary(List<PluginFigures> plugins, double heapPeak, double heapMax) {
        double requests = plugins.stream().mapToDouble(PluginFigures::requests).sum();
        double errors = plugins.stream().mapToDouble(PluginFigures::errors).sum();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("plugins", plugins.size());
        summary.put("requests", (long) requests);
        summary.put("errors", (long) errors);
        summary.put("success_rate", requests == 0 ? 1.0 : PluginFigures.round(1 - errors / requests));
        // weighted by requests, so a busy plugin counts for what it served
        summary.put("latency_p50_ms", PluginFigures.round(weighted(plugins, PluginFigures::latencyP50Ms)));
        summary.put("latency_p95_ms", PluginFigures.round(weighted(plugins, PluginFigures::latencyP95Ms)));
        summary.put("llm_tokens", (long) plugins.stream().mapToDouble(PluginFigures::llmTokens).sum());
        summary.put("jobs_completed", (long) plugins.stream().mapToDouble(PluginFigures::jobsCompleted).sum());
        summary.put("jobs_failed", (long) plugins.stream().mapToDouble(PluginFigures::jobsFailed).sum());
        summary.put("heap_peak_bytes", (long) heapPeak);
        summary.put("heap_max_bytes", (long) heapMax);
        return summary;
    }

    private static double weighted(List<PluginFigures> plugins, java.util.function.ToDoubleFunction<PluginFigures> value) {
        double requests = plugins.stream().mapToDouble(PluginFigures::requests).sum();
        if (requests == 0) {
            return plugins.stream().mapToDouble(value).max().orElse(0);
        }
        return plugins.stream().mapToDouble(p -> value.applyAsDouble(p) * p.requests()).sum() / requests;
    }
}
