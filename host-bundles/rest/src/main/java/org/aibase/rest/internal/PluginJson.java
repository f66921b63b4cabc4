package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.api.plugin.TaskResult;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.PluginRecord;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Quarantine;
import org.aibase.validator.ValidationReport;

/**
 * How the HTTP API shows plugins, deployments and task results: snake_case keys, lower-case enum
 * ids, absent values as {@code null} (so every record has the same keys). The one renderer every
 * resource uses.
 */
final class PluginJson {

    private PluginJson() {
    }

    /**
     * {@code {"id","file","state","reason","quarantine","bundle_id","endpoints","pages","since","plugin","report"}};
     * {@code pages} are the declared pages with their URLs while the plugin serves them (it has endpoints).
     */
    static Map<String, Object> record(PluginRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", record.id().orElse(null));
        json.put("file", record.file());
        json.put("state", record.state().id());
        json.put("reason", record.reason().orElse(null));
        json.put("quarantine", record.quarantine().map(Quarantine::toMap).orElse(null));
        json.put("bundle_id", record.bundleId().isPresent() ? record.bundleId().getAsLong() : null);
        json.put("endpoints", record.endpoints());
        json.put("pages", record.endpoints().isEmpty() ? List.of() : record.descriptor().map(d -> d.pages().stream()
                .map(page -> Map.of("title", page.title(), "description", page.description(),
                        "url", record.endpoints().get(0) + page.path()))
                .toList()).orElse(List.of()));
        json.put("since", record.since().toString());
        json.put("plugin", record.descriptor().map(PluginJson::descriptor).orElse(null));
        json.put("report", record.report().map(ValidationReport::toMap).orElse(null));
        return json;
    }

    /** A quarantine's terms: {@code {"since","lifts_at","pinned"}}, {@code lifts_at} null when pinned (its reason is the record's). */
    /** Every descriptor field, under its {@code plugin.yaml} name (contacts at the top level, as there). */
    static Map<String, Object> descriptor(PluginDescriptor d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", d.id());
        json.put("name", d.name());
        json.put("version", d.version());
        json.put("description", d.description());
        json.put("author", d.author());
        json.putAll(d.contacts());
        json.put("category", d.category().id());
        json.put("tags", d.tags());
        json.put("capabilities", d.capabilities());
        json.put("dependencies", d.dependencies());
        json.put("requires_platform", d.requiresPlatform());
        json.put("security", d.security().id());
        json.put("permissions", d.permissions().stream().map(Permission::id).toList());
        json.put("network_hosts", d.networkHosts());
        json.put("limits", PluginLimits.toMap(d.limits()));
        json.put("defaults", d.defaults());
        json.put("tasks", d.tasks().stream().map(PluginJson::task).toList());
        json.put("ui", d.pages().stream().map(page -> Map.of("path", page.path(), "title", page.title(),
                "description", page.description())).toList());
        return json;
    }

    /** A declared task: {@code {"name","description","role","input","output","read_only","destructive","idempotent"}}. */
    static Map<String, Object> task(TaskDeclaration task) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", task.name());
        json.put("description", task.description());
        json.put("role", task.role().id());
        json.put("input", task.input().isEmpty() ? null : task.input());
        json.put("output", task.output().isEmpty() ? null : task.output());
        json.put("read_only", task.hints().readOnly().orElse(null));
        json.put("destructive", task.hints().destructive().orElse(null));
        json.put("idempotent", task.hints().idempotent().orElse(null));
        return json;
    }

    /** A deployment log line. */
    static Map<String, Object> deployment(DeploymentEvent event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("time", event.time().toString());
        json.put("type", event.type().id());
        json.put("file", event.file());
        json.put("plugin_id", event.pluginId().orElse(null));
        json.put("version", event.version().orElse(null));
        json.put("reason", event.reason().orElse(null));
        return json;
    }

    /**
     * A task's outcome: {@code success}, {@code data}, {@code error}, {@code error_code}, {@code severity}, and
     * {@code job_id} when the task submitted a durable job.
     */
    static Map<String, Object> taskResult(TaskResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", result.success());
        json.put("data", result.data());
        json.put("error", result.error().orElse(null));
        json.put("error_code", result.errorCode().orElse(null));
        json.put("severity", result.severity().map(s -> s.id()).orElse(null));
        result.jobId().ifPresent(id -> json.put("job_id", id));
        return json;
    }
}
