package org.aibase.rest.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;


import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * A request body that is not JSON ({@code malformed_json}), too large or deep for the parser's
 * limits ({@code json_too_large}), or not JSON of the expected shape ({@code invalid_json}): 400
 * naming the problem in the caller's terms — the field, what was expected, what came — and the line
 * and column. Never a 500, and never a Java type: Jackson's own messages name the classes it
 * wanted to build, so a shape error is described from the target type and the token found.
 */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        Map<String, Object> details = new LinkedHashMap<>();
        String where = located(exception.getLocation(), details);
        if (exception instanceof StreamConstraintsException) {
            // its message names Jackson's configuration methods; the limits are the parser's defaults
            return ApiError.response(400, "json_too_large", "The JSON body" + where
                    + " exceeds the parser's limits: at most 1000 levels of nesting, numbers of 1000 digits"
                    + " and strings of 20,000,000 characters", details);
        }
        if (exception instanceof JsonParseException) {
            return ApiError.response(400, "malformed_json", "The body is not valid JSON" + where + ": "
                    + firstLine(exception.getOriginalMessage()), details);
        }
        String field = exception instanceof JsonMappingException mapping ? field(mapping) : "";
        if (!field.isEmpty()) {
            details.put("field", field);
        }
        return ApiError.response(400, "invalid_json", "The JSON body has the wrong shape" + where
                + (field.isEmpty() ? "" : " at " + field) + ": " + problem(exception), details);
    }

    private static String located(JsonLocation location, Map<String, Object> details) {
        if (location == null || location.getLineNr() <= 0) {
            return "";
        }
        details.put("line", location.getLineNr());
        details.put("column", location.getColumnNr());
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** The JSON path of the field, {@code $.config.name} or {@code $.widgets[2]}; empty for the body itself. */
    private static String field(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append('.').append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "" : "$" + path;
    }

    private static String problem(JsonProcessingException exception) {
        if (exception instanceof PropertyBindingException unknown) {
            Collection<Object> known = unknown.getKnownPropertyIds();
            return "unknown field '" + unknown.getPropertyName() + "'"
                    + (known == null || known.isEmpty() ? "" : "; allowed: " + String.join(", ", names(known)));
        }
        if (exception instanceof InvalidFormatException format) {
            return "'" + format.getValue() + "' is not " + kind(format.getTargetType());
        }
        if (exception instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            String found = found(mismatch);
            return "expected " + kind(mismatch.getTargetType()) + (found.isEmpty() ? "" : ", found " + found);
        }
        return "a value does not fit what this endpoint accepts";
    }

    private static TreeSet<String> names(Collection<Object> known) {
        TreeSet<String> names = new TreeSet<>();
        known.forEach(name -> names.add(String.valueOf(name)));
        return names;
    }

    /** What a Java target type is called in JSON. */
    static String kind(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == Short.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return "an object";
    }

    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");

    private static String found(MismatchedInputException mismatch) {
        JsonToken token = mismatch.getProcessor() instanceof JsonParser parser ? parser.currentToken() : null;
        if (token == null) {
            // the parser is closed by the time the error is mapped (Jackson 2.20 on): the message names the token
            Matcher named = TOKEN.matcher(String.valueOf(mismatch.getOriginalMessage()));
            if (!named.find()) {
                return "";
            }
            token = JsonToken.valueOf(named.group(1));
        }
        return switch (token) {
            case START_OBJECT, END_OBJECT, FIELD_NAME -> "an object";
            case START_ARRAY, END_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> "";
        };
    }

    // Jackson appends the source excerpt on later lines; the first line is the problem itself
    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
