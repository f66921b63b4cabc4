package org.aibase.plugin.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.export.DataTable;
import org.aibase.api.export.ExportFormat;
import org.aibase.api.export.TabularExport;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.metrics.MetricInfo;
import org.aibase.api.metrics.MetricsService;
import org.aibase.api.persistence.PersistenceService;
import org.aibase.plugin.dashboard.internal.DashboardSpec;
import org.aibase.plugin.dashboard.internal.DashboardStore;
import org.aibase.plugin.dashboard.internal.ExportTables;
import org.aibase.plugin.dashboard.internal.MetricsReader;
import org.aibase.plugin.dashboard.internal.ReportBuilder;
import org.aibase.plugin.dashboard.internal.StoredDashboard;
import org.aibase.plugin.dashboard.internal.TimeRange;
import org.aibase.plugin.dashboard.internal.WidgetData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** What the tasks and the REST resources do: dashboards, their data, reports and exports. */
@Component(service = DashboardService.class, configurationPid = "aibase.plugin.dashboard")
public final class DashboardService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final DashboardStore store;
    private final MetricsReader reader;
    private final ReportBuilder reports;
    private final TabularExport export;
    private volatile DashboardConfiguration configuration;

    // optional: reports are complete without a narrative
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmService llm;

    @Activate
    public DashboardService(DashboardConfiguration configuration, @Reference MetricsService metrics,
            @Reference PersistenceService persistence, @Reference TabularExport export) {
        this.configuration = configuration;
        this.store = new DashboardStore(persistence);
        this.reader = new MetricsReader(metrics);
        this.reports = new ReportBuilder(reader);
        this.export = export;
    }

    @Modified
    void modified(DashboardConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The metrics a widget may show. */
    List<MetricInfo> metrics() {
        return reader.service().metrics();
    }

    /** The metric names a widget may show. */
    Set<String> dataSources() {
        Set<String> names = new LinkedHashSet<>();
        for (MetricInfo info : metrics()) {
            names.add(info.name());
        }
        return names;
    }

    DashboardSpec.Parsed parse(Object config, String prefix) {
        return DashboardSpec.parse(config, prefix, dataSources(), configuration.max__widgets());
    }

    StoredDashboard create(DashboardSpec spec) {
        return store.create(spec);
    }

    List<StoredDashboard> list() {
        return store.list();
    }

    Optional<StoredDashboard> find(long id) {
        return store.find(id);
    }

    Optional<StoredDashboard> update(long id, DashboardSpec spec) {
        return store.update(id, spec);
    }

    boolean delete(long id) {
        return store.delete(id);
    }

    Map<String, Object> data(StoredDashboard dashboard) {
        return WidgetData.of(dashboard, reader);
    }

    Duration samplingInterval() {
        return reader.service().samplingInterval();
    }

    /** The current figures of the requested groups: system, plugins, llm, jobs. */
    Map<String, Object> currentMetrics(List<String> types) {
        Map<String, Map<String, Double>> latest = reader.service().latest();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sampled", !latest.isEmpty());
        json.put("sampling_interval_seconds", samplingInterval().toSeconds());
        for (String type : types) {
            switch (type) {
                case "system" -> json.put("system", latest.getOrDefault(MetricsService.SYSTEM, Map.of()));
                case "plugins" -> json.put("plugins", select(latest, List.of("requests", "errors", "client_errors",
                        "latency_p50_ms", "latency_p95_ms", "latency_p99_ms", "cpu_ms", "allocated_bytes", "running",
                        "timeouts", "storage_bytes")));
                case "llm" -> json.put("llm", select(latest, List.of("llm_calls", "llm_failures", "llm_tokens",
                        "llm_tokens_last_hour", "limit_llm_tokens_per_hour")));
                case "jobs" -> json.put("jobs", select(latest, List.of("jobs_pending", "jobs_running", "jobs_completed", "jobs_failed")));
                default -> throw new IllegalArgumentException(type);
            }
        }
        return json;
    }

    private static Map<String, Object> select(Map<String, Map<String, Double>> latest, List<String> metrics) {
        Map<String, Object> byPlugin = new LinkedHashMap<>();
        latest.forEach((plugin, values) -> {
            if (!plugin.isEmpty()) {
                Map<String, Object> chosen = new LinkedHashMap<>();
                metrics.forEach(m -> {
                    if (values.containsKey(m)) {
                        chosen.put(m, values.get(m));
                    }
                });
                byPlugin.put(plugin, chosen);
            }
        });
        return byPlugin;
    }

    /** A report, with an LLM narrative when asked for, configured, and the LLM answers. */
    Map<String, Object> report(String type, TimeRange range, Optional<String> plugin, boolean narrative) {
        Map<String, Object> report = new LinkedHashMap<>(reports.build(type, range, plugin));
        LlmService service = llm;
        if (!narrative || !configuration.llm__narrative()) {
            report.put("narrative_status", "not requested");
        } else if (service == null) {
            report.put("narrative_status", "no LLM service");
        } else {
            try {
                String figures = JSON.writeValueAsString(Map.of("summary", report.get("summary"), "plugins",
                        report.get("plugins"), "recommendations", report.get("recommendations")));
                String text = service.chat(ChatRequest.builder().model(configuration.llm__model()).temperature(0.2).maxTokens(400)
                        .system("You write one short paragraph for an operator summarising platform metrics. "
                                + "Use only the figures given; do not invent numbers.")
                        .user("Report: " + report.get("title") + "\nFigures (JSON): " + figures).build()).content();
                report.put("narrative", text.strip());
                report.put("narrative_status", "written");
            } catch (LlmException e) {
                    report.put("narrative_status", "LLM " + e.kind().name().toLowerCase(java.util.Locale.ROOT) + ": " + e.getMessage());
            } catch (JsonProcessingException e) {
                    report.put("narrative_status", "figures could not be written: " + e.getOriginalMessage());
            }
        }
        return report;
    }

    /** An export of metrics, dashboards or a report. */
    ExportFile export(ExportFormat format, String dataType, TimeRange range, List<String> metrics, Optional<String> plugin,
            String reportType) {
        List<DataTable> tables = switch (dataType) {
            case "metrics" -> ExportTables.metrics(reader, metrics, range, plugin);
            case "dashboards" -> ExportTables.dashboards(store.list());
            case "report" -> ExportTables.report(reports.build(reportType, range, plugin));
            default -> throw new IllegalArgumentException(dataType);
        };
        byte[] bytes = export.export(format, new ArrayList<>(tables));
        String name = "dashboard-" + dataType + "-" + FILE_TIME.format(Instant.now()) + "." + format.extension();
        return new ExportFile(bytes, format, name);
    }
}
