package org.aibase.isolation.child;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.api.llm.ChatMessage;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.CircuitState;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.ModelInfo;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Role;
import org.aibase.api.llm.Usage;

/**
 * The LLM service's values as JSON-shaped maps, for the channel between an isolated plugin's JVM and
 * the runtime: the child sends the plugin's request, the runtime answers with the platform's response
 * (or its error), both read and written here so the two ends agree. The runtime bundle carries a
 * private copy of this package.
 */
public final class LlmWire {

    private LlmWire() {
    }

    public static Map<String, Object> request(ChatRequest request) {
        Map<String, Object> json = new LinkedHashMap<>();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ChatMessage message : request.messages()) {
            messages.add(Map.of("role", message.role().name(), "content", message.content()));
        }
        json.put("messages", messages);
        json.put("model", request.model());
        request.temperature().ifPresent(t -> json.put("temperature", t));
        request.maxTokens().ifPresent(m -> json.put("max_tokens", m));
        json.put("response_format", request.responseFormat().name());
        if (!request.jsonSchema().isEmpty()) {
            json.put("json_schema", request.jsonSchema());
        }
        request.timeout().ifPresent(t -> json.put("timeout_ms", t.toMillis()));
        return json;
    }

    @SuppressWarnings("unchecked")
    public static ChatRequest request(Map<String, Object> json) {
        ChatRequest.Builder builder = ChatRequest.builder().model(String.valueOf(json.get("model")));
        for (Object item : (List<Object>) json.getOrDefault("messages", List.of())) {
            Map<String, Object> message = (Map<String, Object>) item;
            builder.message(new ChatMessage(Role.valueOf(String.valueOf(message.get("role"))),
                    String.valueOf(message.get("content"))));
        }
        if (json.get("temperature") instanceof Number t) {
            builder.temperature(t.doubleValue());
        }
        if (json.get("max_tokens") instanceof Number m) {
            builder.maxTokens(m.intValue());
        }
        if (json.get("response_format") instanceof String format) {
            builder.responseFormat(ResponseFormat.valueOf(format));
        }
        if (json.get("json_schema") instanceof Map<?, ?> schema) {
            builder.jsonSchema((Map<String, Object>) schema);
        }
        if (json.get("timeout_ms") instanceof Number t) {
            builder.timeout(Duration.ofMillis(t.longValue()));
        }
        return builder.build();
    }

    public static Map<String, Object> response(ChatResponse response) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("content", response.content());
        json.put("model", response.model());
        json.put("provider", response.provider());
        json.put("prompt_tokens", response.usage().promptTokens());
        json.put("completion_tokens", response.usage().completionTokens());
        json.put("finish_reason", response.finishReason());
        json.put("latency_ms", response.latency().toMillis());
        json.put("fallback_used", response.fallbackUsed());
        return json;
    }

    public static ChatResponse response(Map<String, Object> json) {
        return new ChatResponse(String.valueOf(json.get("content")), String.valueOf(json.get("model")),
                String.valueOf(json.get("provider")), new Usage(number(json.get("prompt_tokens")),
                        number(json.get("completion_tokens"))), String.valueOf(json.get("finish_reason")),
                Duration.ofMillis(number(json.get("latency_ms"))), Boolean.TRUE.equals(json.get("fallback_used")));
    }

    public static Map<String, Object> error(LlmException e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("kind", e.kind().name());
        json.put("message", e.getMessage());
        e.retryAfter().ifPresent(r -> json.put("retry_after_ms", r.toMillis()));
        return Map.of("error", json);
    }

    @SuppressWarnings("unchecked")
    public static LlmException error(Map<String, Object> json) {
        Map<String, Object> error = (Map<String, Object>) json.get("error");
        LlmException.Kind kind;
        try {
            kind = LlmException.Kind.valueOf(String.valueOf(error.get("kind")));
        } catch (IllegalArgumentException e) {
            kind = LlmException.Kind.UNAVAILABLE;
        }
        Duration retryAfter = error.get("retry_after_ms") instanceof Number r ? Duration.ofMillis(r.longValue()) : null;
        return new LlmException(kind, String.valueOf(error.get("message")), retryAfter, null);
    }

    public static Map<String, Object> model(ModelInfo model) {
        return Map.of("name", model.name(), "endpoint", model.endpoint(), "type", model.type(), "circuit", model.circuit().name());
    }

    public static ModelInfo model(Map<String, Object> json) {
        return new ModelInfo(String.valueOf(json.get("name")), String.valueOf(json.get("endpoint")),
                String.valueOf(json.get("type")), CircuitState.valueOf(String.valueOf(json.get("circuit"))));
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }
}
