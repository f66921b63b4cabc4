package org.aibase.isolation.child;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskResult;

/**
 * A task's result as a JSON-shaped map, for the channel between an isolated plugin's JVM and the
 * runtime: written by the child, read by the runtime, both here so the two ends agree.
 */
public final class TaskWire {

    private TaskWire() {
    }

    public static Map<String, Object> result(TaskResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("success", result.success());
        json.put("data", result.data());
        result.error().ifPresent(e -> json.put("error", e));
        result.errorCode().ifPresent(c -> json.put("error_code", c));
        result.severity().ifPresent(s -> json.put("severity", s.id()));
        result.jobId().ifPresent(j -> json.put("job_id", j));
        return json;
    }

    @SuppressWarnings("unchecked")
    public static TaskResult result(Map<String, Object> json) {
        Map<String, Object> data = json.get("data") instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Optional<String> jobId = Optional.ofNullable((String) json.get("job_id"));
        if (Boolean.TRUE.equals(json.get("success"))) {
            return jobId.map(id -> TaskResult.submitted(id, data)).orElseGet(() -> TaskResult.ok(data));
        }
        Severity severity = Severity.HIGH;
        for (Severity s : Severity.values()) {
            if (s.id().equals(json.get("severity"))) {
                severity = s;
            }
        }
        return new TaskResult(false, data, Optional.ofNullable((String) json.get("error")),
                Optional.ofNullable((String) json.get("error_code")), Optional.of(severity), Optional.empty());
    }
}
