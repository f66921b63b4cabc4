package org.aibase.plugin.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.export.ExportFormat;
import org.aibase.api.plugin.PluginDescriptor;

/**
 * What to export: {@code format} (csv, json, xlsx), {@code data_type} (metrics, dashboards, report),
 * {@code time_range}, and for metrics the {@code metrics} and {@code plugin}, for a report its
 * {@code report_type}. The same fields serve the task's config and the download URL's query.
 */
public record ExportRequest(ExportFormat format, String dataType, TimeRange range, List<String> metrics,
        Optional<String> plugin, String reportType) {

    private static final Pattern PLUGIN_ID = Pattern.compile(PluginDescriptor.ID_PATTERN);

    public record Parsed(Optional<ExportRequest> request, List<Problem> problems) {
    }

    public static Parsed parse(Map<String, ?> fields, String prefix, Set<String> metricNames) {
        List<Problem> problems = new ArrayList<>();
        Object format = fields.get("format");
        Optional<ExportFormat> parsedFormat = format instanceof String f ? ExportFormat.fromId(f) : Optional.empty();
        if (parsedFormat.isEmpty()) {
            problems.add(new Problem(prefix + "format", (format == null ? "is required" : "'" + format + "' is not a format")
                    + " (allowed: csv, json, xlsx)"));
        }
        Object dataType = fields.get("data_type");
        if (!(dataType instanceof String d) || !ExportTables.DATA_TYPES.contains(d)) {
            problems.add(new Problem(prefix + "data_type", (dataType == null ? "is required" : "'" + dataType + "' is not a data type")
                    + " (allowed: " + String.join(", ", ExportTables.DATA_TYPES) + ")"));
        }
        Object range = fields.get("time_range");
        Optional<TimeRange> parsedRange = range == null ? Optional.of(TimeRange.HOUR)
                : range instanceof String r ? TimeRange.fromId(r) : Optional.empty();
        if (parsedRange.isEmpty()) {
            problems.add(new Problem(prefix + "time_range", "'" + range + "' is not a time range (allowed: " + TimeRange.allowed() + ")"));
        }
        List<String> metrics = new ArrayList<>();
        Object requested = fields.get("metrics");
        if (requested == null) {
            metrics.addAll(ExportTables.DEFAULT_METRICS);
        } else {
            List<?> items = requested instanceof List<?> l ? l : requested instanceof String s ? List.of(s.split(",")) : null;
            if (items == null || items.isEmpty()) {
                problems.add(new Problem(prefix + "metrics", "must be a non-empty list of metric names"));
            } else {
                for (Object item : items) {
                    String name = String.valueOf(item).strip();
                    if (!metricNames.contains(name)) {
                        problems.add(new Problem(prefix + "metrics", "'" + name + "' is not a metric (allowed: "
                                + String.join(", ", metricNames.stream().sorted().toList()) + ")"));
                    } else {
                        metrics.add(name);
                    }
                }
            }
        }
        Object plugin = fields.get("plugin");
        if (plugin != null && !(plugin instanceof String p && PLUGIN_ID.matcher(p).matches())) {
            problems.add(new Problem(prefix + "plugin", "must be a plugin id (" + PluginDescriptor.ID_PATTERN + "), got '" + plugin + "'"));
        }
        Object reportType = fields.get("report_type");
        if (reportType != null && !(reportType instanceof String t && ReportBuilder.TYPES.contains(t))) {
            problems.add(new Problem(prefix + "report_type", "'" + reportType + "' is not a report type (allowed: "
                    + String.join(", ", ReportBuilder.TYPES) + ")"));
        }
        if (!problems.isEmpty()) {
            return new Parsed(Optional.empty(), problems);
        }
        return new Parsed(Optional.of(new ExportRequest(parsedFormat.get(), (String) dataType, parsedRange.get(), metrics,
                Optional.ofNullable((String) plugin), reportType == null ? "summary" : (String) reportType)), List.of());
    }
}
