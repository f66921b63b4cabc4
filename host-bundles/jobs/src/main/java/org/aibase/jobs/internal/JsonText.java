package org.aibase.jobs.internal;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON handled as text: checked on the way in, parsed for the HTTP API's answers. */
final class JsonText {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonText() {
    }

    /** Whether the text is one JSON value. */
    static boolean isJson(String text) {
        try {
            JsonNode node = MAPPER.readTree(text);
            return node != null && !node.isMissingNode();
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    /** The text as a JSON string literal. */
    static String quote(String text) {
        try {
            return MAPPER.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any value as JSON text. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
