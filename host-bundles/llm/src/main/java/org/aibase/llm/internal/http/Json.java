package org.aibase.llm.internal.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;

/** The JSON codec of the wire records: absent fields are omitted, unknown fields ignored. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Json() {
    }

    /** Serialises a wire record. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Parses a provider's answer into a wire record; a body that does not fit is INVALID_RESPONSE. */
    public static <T> T read(String body, Class<T> type, String endpointName) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new LlmException(Kind.INVALID_RESPONSE,
                    endpointName + ": the answer is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses any JSON, or returns null when the text is not JSON (error bodies are not always JSON). */
    public static JsonNode tree(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Whether the text is one JSON document. */
    public static boolean parses(String text) {
        JsonNode node = tree(text);
        return node != null && !node.isMissingNode();
    }
}
