package org.aibase.plugin.dashboard;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.export.ExportException;
import org.aibase.api.metrics.MetricsException;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.plugin.dashboard.internal.DashboardSpec;
import org.aibase.plugin.dashboard.internal.ExportRequest;
import org.aibase.plugin.dashboard.internal.Problem;
import org.aibase.plugin.dashboard.internal.ReportBuilder;
import org.aibase.plugin.dashboard.internal.StoredDashboard;
import org.aibase.plugin.dashboard.internal.TimeRange;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tasks of {@code POST /api/v1/plugins/dashboard/tasks}: {@code create_dashboard},
 * {@code generate_report}, {@code export_data}, {@code get_metrics}.
 */
@Component(service = Plugin.class)
public final class DashboardTasks implements Plugin {

    static final List<String> TASKS = List.of("create_dashboard", "generate_report", "export_data", "get_metrics");
    static final List<String> METRIC_TYPES = List.of("system", "plugins", "llm", "jobs");

    private final DashboardService dashboards;

    @Activate
    public DashboardTasks(@Reference DashboardService dashboards) {
        this.dashboards = dashboards;
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        try {
            return switch (request.type()) {
                case "create_dashboard" -> create(request.config());
                case "generate_report" -> report(request.config());
                case "export_data" -> export(request.config());
                case "get_metrics" -> metrics(request.config());
                default -> TaskResult.failure("unknown_task", "Unknown task type: " + request.type()
                        + " (allowed: " + String.join(", ", TASKS) + ")", Severity.MEDIUM);
            };
        } catch (MetricsException | ExportException e) {
            return TaskResult.failure(e.code(), e.getMessage(), Severity.HIGH);
        }
    }

    private TaskResult create(Map<String, Object> config) {
        DashboardSpec.Parsed parsed = dashboards.parse(config, "config");
        if (parsed.spec().isEmpty()) {
            return invalid(parsed.problems());
        }
        StoredDashboard stored = dashboards.create(parsed.spec().get());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dashboard_id", stored.id());
        data.put("dashboard_name", stored.spec().name());
        data.put("url", stored.url());
        data.put("widgets", stored.spec().widgets().size());
        return TaskResult.ok(data);
    }

    private TaskResult report(Map<String, Object> config) {
        List<Problem> problems = new ArrayList<>();
        Object type = config.getOrDefault("type", "summary");
        if (!(type instanceof String t) || !ReportBuilder.TYPES.contains(t)) {
            problems.add(new Problem("config.type", "'" + type + "' is not a report type (allowed: "
                    + String.join(", ", ReportBuilder.TYPES) + ")"));
        }
        Object range = config.getOrDefault("time_range", "24h");
        Optional<TimeRange> parsedRange = range instanceof String r ? TimeRange.fromId(r) : Optional.empty();
        if (parsedRange.isEmpty()) {
            problems.add(new Problem("config.time_range", "'" + range + "' is not a time range (allowed: " + TimeRange.allowed() + ")"));
        }
        Object plugin = config.get("plugin");
        if (plugin != null && !(plugin instanceof String)) {
            problems.add(new Problem("config.plugin", "must be a plugin id"));
        }
        Object narrative = config.getOrDefault("narrative", Boolean.TRUE);
        if (!(narrative instanceof Boolean)) {
            problems.add(new Problem("config.narrative", "must be true or false"));
        }
        if (!problems.isEmpty()) {
            return invalid(problems);
        }
        return TaskResult.ok(dashboards.report((String) type, parsedRange.get(), Optional.ofNullable((String) plugin),
                (Boolean) narrative));
    }

    private TaskResult export(Map<String, Object> config) {
        ExportRequest.Parsed parsed = ExportRequest.parse(config, "config.", dashboards.dataSources());
        if (parsed.request().isEmpty()) {
            return invalid(parsed.problems());
        }
        ExportRequest r = parsed.request().get();
        ExportFile file = dashboards.export(r.format(), r.dataType(), r.range(), r.metrics(), r.plugin(), r.reportType());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("format", r.format().id());
        data.put("data_type", r.dataType());
        data.put("file_name", file.fileName());
        data.put("content_type", r.format().mediaType());
        data.put("size_bytes", file.bytes().length);
        data.put("content_base64", Base64.getEncoder().encodeToString(file.bytes()));
        data.put("download_url", ExportResource.downloadUrl(r));
        return TaskResult.ok(data);
    }

    private TaskResult metrics(Map<String, Object> config) {
        Object requested = config.getOrDefault("types", METRIC_TYPES);
        List<String> types = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        if (!(requested instanceof List<?> list) || list.isEmpty()) {
            problems.add(new Problem("config.types", "must be a non-empty list (allowed: " + String.join(", ", METRIC_TYPES) + ")"));
        } else {
            for (Object item : list) {
                if (item instanceof String s && METRIC_TYPES.contains(s)) {
                    types.add(s);
                } else {
                    problems.add(new Problem("config.types", "'" + item + "' is not a metrics type (allowed: "
                            + String.join(", ", METRIC_TYPES) + ")"));
                }
            }
        }
        return problems.isEmpty() ? TaskResult.ok(dashboards.currentMetrics(types)) : invalid(problems);
    }

    /** A failed result naming every problem; the data carries them as a list for programs. */
    static TaskResult invalid(List<Problem> problems) {
        StringBuilder message = new StringBuilder("invalid config: ");
        for (int i = 0; i < problems.size(); i++) {
            message.append(i == 0 ? "" : "; ").append(problems.get(i).field()).append(' ').append(problems.get(i).message());
        }
        TaskResult failure = TaskResult.failure("invalid_config", message.toString(), Severity.LOW);
        return new TaskResult(false, Map.of("problems", problems.stream().map(Problem::json).toList()), failure.error(),
                failure.errorCode(), failure.severity());
    }
}
