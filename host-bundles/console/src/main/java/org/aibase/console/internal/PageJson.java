package org.aibase.console.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.LlmStatus;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Quarantine;

/**
 * {@code /system/console/aibase/data.json}: what the page shows, for scripts and the page's own
 * checks. Never a secret: no configuration values, only whether an LLM key is set.
 */
final class PageJson {

    private PageJson() {
    }

    /** @param llm the LLM status, or null; @param jobs the job statistics, or null */
    static Map<String, Object> of(List<PluginRow> rows, DeploymentPage deployments, LlmStatus llm, JobStatistics jobs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugins", rows.stream().map(PageJson::plugin).toList());
        json.put("deployments", deployments.events().stream().map(PageJson::event).toList());
        json.put("deployments_total", deployments.total());
        List<EndpointStatus> endpoints = llm == null ? List.of() : llm.endpoints();
        Map<String, Object> llmJson = new LinkedHashMap<>();
        llmJson.put("installed", llm != null);
        llmJson.put("configured", !endpoints.isEmpty());
        llmJson.put("endpoints", endpoints.stream().map(PageJson::endpoint).toList());
        json.put("llm", llmJson);
        json.put("jobs", jobs(jobs));
        return json;
    }

    private static Map<String, Object> plugin(PluginRow row) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.id().orElse(null));
        json.put("file", row.record().file());
        json.put("name", row.name());
        json.put("version", row.version());
        json.put("state", row.record().state().id());
        json.put("reason", row.record().reason().orElse(null));
        json.put("security", row.security());
        json.put("permissions", row.permissions());
        json.put("limits", row.limits());
        json.put("usage", row.usage().map(usage -> usage(row, usage)).orElse(Map.of()));
        json.put("requests_per_minute", row.rates().perMinute().isPresent() ? row.rates().perMinute().getAsDouble() : null);
        json.put("error_rate", row.rates().errorRate().isPresent() ? row.rates().errorRate().getAsDouble() : null); // 5xx
        json.put("refused_rate", row.rates().refusedRate().isPresent() ? row.rates().refusedRate().getAsDouble() : null); // 4xx
        json.put("llm_tokens_last_hour", row.tokensLastHour().isPresent() ? row.tokensLastHour().getAsLong() : null);
        json.put("llm_tokens_budget", row.tokenBudget().isPresent() ? row.tokenBudget().getAsLong() : null);
        json.put("report", row.record().report().filter(r -> !r.valid()).map(r -> r.toMap()).orElse(null));
        return json;
    }

    /**
     * A plugin's usage under the names and in the order of {@code GET /api/v1/plugins/{id}/usage}: id,
     * state, reason, quarantine, the governor's figures, then the effective limits, storage and jobs where known.
     */
    private static Map<String, Object> usage(PluginRow row, UsageFigures usage) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", row.key());
        json.put("state", row.record().state().id());
        json.put("reason", row.record().reason().orElse(null));
        json.put("quarantine", row.record().quarantine().map(Quarantine::toMap).orElse(null));
        json.putAll(usage.load().toMap());
        usage.limits().ifPresent(limits -> json.put("limits", PluginLimits.toMap(limits)));
        usage.storageBytes().ifPresent(bytes -> json.put("storage_bytes", bytes));
        usage.jobs().ifPresent(counts -> json.put("jobs", byStatusId(counts)));
        return json;
    }

    private static Map<String, Long> byStatusId(Map<JobStatus, Long> counts) {
        Map<String, Long> json = new LinkedHashMap<>();
        counts.forEach((status, n) -> json.put(status.id(), n));
        return json;
    }

    private static Map<String, Object> jobs(JobStatistics jobs) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("installed", jobs != null);
        if (jobs == null) {
            json.put("message", JobsPanel.NOT_INSTALLED);
            return json;
        }
        Map<String, Object> counts = new LinkedHashMap<>();
        jobs.countsByPlugin().forEach((plugin, byStatus) -> counts.put(plugin, byStatusId(byStatus)));
        json.put("counts_by_plugin", counts);
        json.put("latest_failures", jobs.latestFailures(JobsPanel.FAILURES_SHOWN).stream().map(job -> {
            Map<String, Object> failure = new LinkedHashMap<>();
            failure.put("id", job.id());
            failure.put("plugin", job.plugin());
            failure.put("type", job.type());
            failure.put("name", job.name());
            failure.put("error", job.error().orElse(null));
            failure.put("finished_at", job.finishedAt().map(Object::toString).orElse(null));
            return failure;
        }).toList());
        return json;
    }

    private static Map<String, Object> event(DeploymentEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", event.time().toString());
        json.put("type", event.type().id());
        json.put("file", event.file());
        json.put("plugin_id", event.pluginId().orElse(null));
        json.put("version", event.version().orElse(null));
        json.put("reason", event.reason().orElse(null));
        return json;
    }

    private static Map<String, Object> endpoint(EndpointStatus e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", e.name());
        json.put("type", e.type());
        json.put("models", e.models());
        json.put("circuit", e.circuit().name().toLowerCase(java.util.Locale.ROOT));
        json.put("key_set", e.keySet());
        return json;
    }
}
