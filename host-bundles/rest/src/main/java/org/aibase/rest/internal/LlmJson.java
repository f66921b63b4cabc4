package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.aibase.api.llm.CircuitState;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.TokenWindow;
import org.aibase.llm.UsageRecord;

/** How the HTTP API shows the LLM service: snake_case keys, lower-case enum ids, never a key. */
final class LlmJson {

    static final String NOT_CONFIGURED = "not configured";

    private LlmJson() {
    }

    /** {@code {"configured","endpoints":[...],"models":[...]}}: one model row per model and endpoint. */
    static Map<String, Object> models(List<EndpointStatus> endpoints) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("configured", !endpoints.isEmpty());
        json.put("endpoints", endpoints.stream().map(LlmJson::endpoint).toList());
        json.put("models", endpoints.stream().flatMap(e -> (e.models().isEmpty() ? List.of("*") : e.models()).stream()
                .map(model -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("model", model);
                    row.put("endpoint", e.name());
                    row.put("type", e.type());
                    row.put("circuit", id(e.circuit()));
                    row.put("healthy", e.circuit() != CircuitState.OPEN);
                    row.put("key_set", e.keySet());
                    return row;
                })).toList());
        return json;
    }

    static Map<String, Object> endpoint(EndpointStatus e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", e.name());
        json.put("type", e.type());
        json.put("models", e.models());
        json.put("circuit", id(e.circuit()));
        json.put("key_set", e.keySet());
        return json;
    }

    /** {@code {"usage":[...],"windows":[...]}}. */
    static Map<String, Object> usage(List<UsageRecord> usage, List<TokenWindow> windows) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("usage", usage.stream().map(LlmJson::record).toList());
        json.put("windows", windows.stream().map(LlmJson::window).toList());
        return json;
    }

    static Map<String, Object> record(UsageRecord r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", r.plugin());
        json.put("endpoint", r.endpoint());
        json.put("model", r.model());
        json.put("calls", r.calls());
        Map<String, Long> failures = new TreeMap<>();
        r.failures().forEach((kind, n) -> failures.put(id(kind), n));
        json.put("failures", failures);
        json.put("fallbacks", r.fallbacks());
        json.put("prompt_tokens", r.promptTokens());
        json.put("completion_tokens", r.completionTokens());
        return json;
    }

    /** A plugin's window; {@code budget} is null when the plugin has none. */
    static Map<String, Object> window(TokenWindow w) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", w.plugin());
        json.put("tokens_last_hour", w.tokens());
        json.put("budget", w.budget().isPresent() ? w.budget().getAsLong() : null);
        json.put("oldest_leaves_at", w.oldestLeavesAt().map(Object::toString).orElse(null));
        return json;
    }

    /** Health's {@code "llm"}: not configured, up, or degraded while an endpoint's circuit is open. */
    static Map<String, Object> health(List<EndpointStatus> endpoints) {
        String status = endpoints.isEmpty() ? NOT_CONFIGURED
                : endpoints.stream().anyMatch(e -> e.circuit() == CircuitState.OPEN) ? "degraded" : "up";
        return Map.of("status", status, "endpoints", endpoints.size());
    }

    static String id(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
