package org.aibase.jobs.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.jobs.Job;

/** Jobs and errors as the HTTP API answers them (the error shape is the platform's one). */
final class JobJson {

    private JobJson() {
    }

    /** A job; with {@code full} its input and result are included as JSON values. */
    static Map<String, Object> of(Job job, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("plugin", job.plugin());
        json.put("type", job.type());
        json.put("name", job.name());
        json.put("status", job.status().id());
        json.put("progress", job.progress());
        json.put("message", job.message());
        if (full) {
            json.put("input", JsonText.tree(job.input()));
            json.put("result", job.result().map(JsonText::tree).orElse(null));
        }
        json.put("error", job.error().orElse(null));
        json.put("created_at", job.createdAt().toString());
        json.put("started_at", job.startedAt().map(Instant::toString).orElse(null));
        json.put("finished_at", job.finishedAt().map(Instant::toString).orElse(null));
        json.put("attempts", job.attempts());
        json.put("node", job.node().orElse(null));
        return json;
    }

    /** An error answer in the platform's format, thrown so the resource method ends. */
    static WebApplicationException error(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return new WebApplicationException(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error)).build());
    }

    static WebApplicationException notFound(String id) {
        return error(404, "not_found", "no job has the id '" + id + "'", Map.of("id", id));
    }

    static WebApplicationException invalidParameter(String name, String message) {
        return error(400, "invalid_parameter", message, Map.of("parameter", name));
    }
}
