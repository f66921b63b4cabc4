package org.aibase.jobs;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.Job;

/** A job as the platform shows it (the HTTP API, MCP's job resources): one shape wherever it is read. */
public final class JobView {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JobView() {
    }

    /** A job; with {@code full} its input and result are included as JSON values. */
    public static Map<String, Object> of(Job job, boolean full) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", job.id());
        json.put("plugin", job.plugin());
        json.put("type", job.type());
        json.put("name", job.name());
        json.put("status", job.status().id());
        json.put("progress", job.progress());
        json.put("message", job.message());
        if (full) {
            json.put("input", tree(job.input()));
            json.put("result", job.result().map(JobView::tree).orElse(null));
        }
        json.put("error", job.error().orElse(null));
        json.put("created_at", job.createdAt().toString());
        json.put("started_at", job.startedAt().map(Instant::toString).orElse(null));
        json.put("finished_at", job.finishedAt().map(Instant::toString).orElse(null));
        json.put("attempts", job.attempts());
        json.put("node", job.node().orElse(null));
        return json;
    }

    /** The JSON text as a tree (for embedding in answers); a text that is not JSON becomes a JSON string. */
    public static JsonNode tree(String text) {
        try {
            JsonNode node = JSON.readTree(text);
            return node == null || node.isMissingNode() ? JSON.nullNode() : node;
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(text);
        }
    }
}
