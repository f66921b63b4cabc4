package org.aibase.isolation.child;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobPage;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobStatus;

/**
 * The jobs service's values as JSON-shaped maps, for the channel between an isolated plugin's JVM and
 * the runtime: the child asks with the plugin's arguments, the runtime answers with the platform's
 * records (or its {@link JobException}), both read and written here so the two ends agree.
 */
public final class JobWire {

    private JobWire() {
    }

    public static Map<String, Object> job(Job job) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("plugin", job.plugin());
        json.put("type", job.type());
        json.put("name", job.name());
        json.put("status", job.status().id());
        json.put("progress", job.progress());
        json.put("message", job.message());
        json.put("input", job.input());
        job.result().ifPresent(r -> json.put("result", r));
        job.error().ifPresent(e -> json.put("error", e));
        json.put("created_at", job.createdAt().toEpochMilli());
        job.startedAt().ifPresent(t -> json.put("started_at", t.toEpochMilli()));
        job.finishedAt().ifPresent(t -> json.put("finished_at", t.toEpochMilli()));
        json.put("attempts", job.attempts());
        job.node().ifPresent(n -> json.put("node", n));
        return json;
    }

    public static Job job(Map<String, Object> json) {
        return new Job(text(json, "id"), text(json, "plugin"), text(json, "type"), text(json, "name"),
                JobStatus.fromId(text(json, "status")).orElseThrow(() -> new IllegalArgumentException("status")),
                ((Number) json.get("progress")).doubleValue(), text(json, "message"), text(json, "input"),
                optionalText(json, "result"), optionalText(json, "error"), instant(json, "created_at").orElseThrow(),
                instant(json, "started_at"), instant(json, "finished_at"), ((Number) json.get("attempts")).intValue(),
                optionalText(json, "node"));
    }

    public static Map<String, Object> page(JobPage page) {
        return Map.of("items", page.items().stream().map(JobWire::job).toList(), "total", page.total(),
                "offset", page.offset(), "limit", page.limit());
    }

    @SuppressWarnings("unchecked")
    public static JobPage page(Map<String, Object> json) {
        List<Job> items = new ArrayList<>();
        for (Object item : (List<Object>) json.get("items")) {
            items.add(job((Map<String, Object>) item));
        }
        return new JobPage(items, ((Number) json.get("total")).longValue(), ((Number) json.get("offset")).intValue(),
                ((Number) json.get("limit")).intValue());
    }

    public static Map<String, Object> query(JobQuery query) {
        Map<String, Object> json = new LinkedHashMap<>();
        query.type().ifPresent(t -> json.put("type", t));
        json.put("statuses", query.statuses().stream().map(JobStatus::id).toList());
        json.put("offset", query.offset());
        json.put("limit", query.limit());
        return json;
    }

    /** @throws IllegalArgumentException naming the field that is out of range or not known */
    @SuppressWarnings("unchecked")
    public static JobQuery query(Map<String, Object> json) {
        Set<JobStatus> statuses = EnumSet.noneOf(JobStatus.class);
        for (Object id : (List<Object>) json.getOrDefault("statuses", List.of())) {
            statuses.add(JobStatus.fromId(String.valueOf(id))
                    .orElseThrow(() -> new IllegalArgumentException("statuses: not a job status: " + id)));
        }
        return new JobQuery(Optional.ofNullable((String) json.get("type")), statuses,
                ((Number) json.getOrDefault("offset", 0)).intValue(), ((Number) json.getOrDefault("limit", 50)).intValue());
    }

    public static Map<String, Object> error(JobException e) {
        return Map.of("error", Map.of("code", e.code(), "message", String.valueOf(e.getMessage())));
    }

    /** The exception an error answer stands for (one of the runtime's, or {@code unavailable} for anything else). */
    @SuppressWarnings("unchecked")
    public static JobException error(Map<String, Object> json) {
        Object error = json.get("error");
        if (error instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            return new JobException(String.valueOf(fields.getOrDefault("code", JobException.UNAVAILABLE)),
                    String.valueOf(fields.getOrDefault("message", "the jobs service failed")));
        }
        return new JobException(JobException.UNAVAILABLE, "the runtime's jobs service gave no answer");
    }

    private static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        return value == null ? null : String.valueOf(value);
    }

    private static Optional<String> optionalText(Map<String, Object> json, String key) {
        return Optional.ofNullable(text(json, key));
    }

    private static Optional<Instant> instant(Map<String, Object> json, String key) {
        return Optional.ofNullable((Number) json.get(key)).map(n -> Instant.ofEpochMilli(n.longValue()));
    }
}
