package org.aibase.llm.internal.prompt;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The declared type of a template variable: which Java values it accepts and how they are written. */
enum VariableType {
    INTEGER, NUMBER, STRING, BOOLEAN, OBJECT, ARRAY;

    // objects and arrays go into prompts as JSON, which models read reliably
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The type named in a template file (lower case there). */
    static VariableType of(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("type '" + name + "' is not one of " + names());
        }
    }

    static String names() {
        return Arrays.stream(values()).map(VariableType::id).collect(Collectors.joining(", "));
    }

    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    boolean accepts(Object value) {
        return switch (this) {
            case INTEGER -> value instanceof Integer || value instanceof Long || value instanceof Short
                    || value instanceof Byte || value instanceof BigInteger;
            case NUMBER -> value instanceof Number;
            case STRING -> value instanceof CharSequence;
            case BOOLEAN -> value instanceof Boolean;
            case OBJECT -> value instanceof Map;
            case ARRAY -> value instanceof Collection || value.getClass().isArray();
        };
    }

    /**
     * The value a text stands for, as MCP prompt arguments (always strings) give it.
     *
     * @throws IllegalArgumentException saying what the text is not
     */
    Object parse(String text) {
        String trimmed = text.trim();
        try {
            return switch (this) {
                case STRING -> text;
                case INTEGER -> Long.valueOf(trimmed);
                case NUMBER -> new java.math.BigDecimal(trimmed);
                case BOOLEAN -> switch (trimmed) {
                    case "true" -> Boolean.TRUE;
                    case "false" -> Boolean.FALSE;
                    default -> throw new IllegalArgumentException("'" + text + "' is not true or false");
                };
                case OBJECT, ARRAY -> {
                    Object value = JSON.readValue(trimmed, Object.class);
                    if (!accepts(value)) {
                        throw new IllegalArgumentException("'" + abbreviated(text) + "' is not a JSON " + id());
                    }
                    yield value;
                }
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + abbreviated(text) + "' is not " + (this == INTEGER ? "a whole number" : "a number"));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("'" + abbreviated(text) + "' is not JSON (" + id() + ")");
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    /** The value as it appears in the prompt. */
    String write(Object value) {
        if (this != OBJECT && this != ARRAY) {
            return value.toString();
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
