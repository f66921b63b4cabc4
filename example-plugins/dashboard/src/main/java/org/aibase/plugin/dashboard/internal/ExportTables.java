package org.aibase.plugin.dashboard.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.export.DataTable;
import org.aibase.api.metrics.MetricPoint;
import org.aibase.api.metrics.MetricSeries;

/** What {@code export_data} writes, as tables: metric series (a table each), dashboards, a report. */
public final class ExportTables {

    public static final List<String> DATA_TYPES = List.of("metrics", "dashboards", "report");
    /** The metrics exported when none are named. */
    public static final List<String> DEFAULT_METRICS = List.of("requests", "errors", "latency_p95_ms", "cpu_ms",
            "llm_tokens", "cpu_load", "heap_used_bytes");

    private ExportTables() {
    }

    /** One table per series: {@code time, value} (and min, max, samples). */
    public static List<DataTable> metrics(MetricsReader reader, List<String> metrics, TimeRange range, Optional<String> plugin) {
        List<DataTable> tables = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (String metric : metrics) {
            for (MetricSeries series : reader.series(metric, plugin, range).values()) {
                List<List<Object>> rows = new ArrayList<>();
                for (MetricPoint p : series.points()) {
                    rows.add(Arrays.asList(p.time(), p.value(), p.min(), p.max(), p.samples()));
                }
                tables.add(new DataTable(sheetName(metric, series.plugin(), names), List.of("time", "value", "min", "max", "samples"), rows));
            }
        }
        if (tables.isEmpty()) {
            tables.add(new DataTable("no data", List.of("message"), List.of(List.of("no samples in the last " + range.id()))));
        }
        return tables;
    }

    public static List<DataTable> dashboards(List<StoredDashboard> dashboards) {
        List<List<Object>> rows = new ArrayList<>();
        List<List<Object>> widgets = new ArrayList<>();
        for (StoredDashboard d : dashboards) {
            rows.add(Arrays.asList(d.id(), d.spec().name(), d.spec().description(), d.spec().timeRange().id(),
                    d.spec().widgets().size(), d.createdAt(), d.updatedAt()));
            for (Widget w : d.spec().widgets()) {
                widgets.add(Arrays.asList(d.id(), w.type(), w.dataSource(), w.title(), w.plugin().orElse(null),
                        w.timeRange().map(TimeRange::id).orElse(null)));
            }
        }
        return List.of(
                new DataTable("dashboards", List.of("id", "name", "description", "time_range", "widgets", "created_at", "updated_at"), rows),
                new DataTable("widgets", List.of("dashboard_id", "type", "data_source", "title", "plugin", "time_range"), widgets));
    }

    @SuppressWarnings("unchecked")
    public static List<DataTable> report(Map<String, Object> report) {
        List<List<Object>> summary = new ArrayList<>();
        summary.add(Arrays.asList("title", report.get("title")));
        summary.add(Arrays.asList("generated_at", report.get("generated_at")));
        ((Map<String, Object>) report.get("summary")).forEach((k, v) -> summary.add(Arrays.asList(k, v)));
        List<Map<String, Object>> plugins = (List<Map<String, Object>>) report.get("plugins");
        List<String> columns = plugins.isEmpty() ? List.of("plugin") : new ArrayList<>(plugins.get(0).keySet());
        List<List<Object>> pluginRows = plugins.stream().map(p -> columns.stream().map(p::get).toList()).map(l -> (List<Object>) new ArrayList<Object>(l)).toList();
        List<List<Object>> recommendations = ((List<Map<String, Object>>) report.get("recommendations")).stream()
                .map(r -> Arrays.asList(r.get("rule"), r.get("plugin"), r.get("severity"), r.get("message"))).toList();
        return List.of(new DataTable("summary", List.of("figure", "value"), summary),
                new DataTable("plugins", columns, pluginRows),
                new DataTable("recommendations", List.of("rule", "plugin", "severity", "message"), recommendations));
    }

    /** A worksheet name: at most 31 characters, unique in the workbook. */
    static String sheetName(String metric, String plugin, Set<String> taken) {
        String base = plugin.isEmpty() ? metric : metric + " " + plugin;
        String name = base.length() > 31 ? base.substring(0, 31) : base;
        for (int i = 2; !taken.add(name.toLowerCase(java.util.Locale.ROOT)); i++) {
            String suffix = " " + i;
            name = (base.length() > 31 - suffix.length() ? base.substring(0, 31 - suffix.length()) : base) + suffix;
        }
        return name;
    }
}
