package org.aibase.rest.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /api/v1/plugins/{id}/quarantine}: {@code {"reason": "...", "pin": true}},
 * both optional, and no body at all is {@code {}}. {@code pin} defaults to true: an operator's
 * quarantine lasts until an operator starts the plugin, unless it says {@code "pin": false}.
 *
 * @param reason what the operator says, up to {@value #MAX_REASON} characters
 * @param pin whether only an operator ends it
 */
record QuarantineRequest(Optional<String> reason, boolean pin) {

    static final int MAX_REASON = 500;
    private static final Set<String> KEYS = Set.of("reason", "pin");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads a body; a wrong one is refused naming the field, what is wrong and what is allowed. */
    static QuarantineRequest parse(String body) {
        if (body == null || body.isBlank()) {
            return new QuarantineRequest(Optional.empty(), true);
        }
        JsonNode json;
        try {
            json = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ApiException.invalidParameter("body", "the body must be a JSON object {\"reason\": \"...\", \"pin\": true}, "
                    + "or empty: " + e.getOriginalMessage());
        }
        if (!json.isObject()) {
            throw ApiException.invalidParameter("body", "the body must be a JSON object {\"reason\": \"...\", \"pin\": true}");
        }
        for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) json::fields) {
            if (!KEYS.contains(field.getKey())) {
                throw ApiException.invalidParameter(field.getKey(), "\"" + field.getKey() + "\" is not a field of a quarantine "
                        + "(allowed: " + String.join(", ", new TreeSet<>(KEYS)) + ")");
            }
        }
        return new QuarantineRequest(reason(json.get("reason")), pin(json.get("pin")));
    }

    private static Optional<String> reason(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > MAX_REASON) {
            throw ApiException.invalidParameter("reason", "\"reason\" must be a non-empty string of at most " + MAX_REASON
                    + " characters");
        }
        return Optional.of(value.asText().strip());
    }

    private static boolean pin(JsonNode value) {
        if (value == null || value.isNull()) {
            return true;
        }
        if (!value.isBoolean()) {
            throw ApiException.invalidParameter("pin", "\"pin\" must be true (until an operator starts the plugin) or false "
                    + "(lifted after the sandbox's quarantine.lift.after), not " + value);
        }
        return value.asBoolean();
    }
}
