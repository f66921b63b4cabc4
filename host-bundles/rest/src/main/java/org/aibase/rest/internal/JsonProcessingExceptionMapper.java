package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;


/**
 * A request body that is not JSON ({@code malformed_json}) or not JSON of the expected shape
 * ({@code invalid_json}): 400 naming the problem, the line and column and, for a shape error, the
 * field. Never a 500.
 */
public final class JsonProcessingExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        boolean malformed = exception instanceof JsonParseException;
        Map<String, Object> details = new LinkedHashMap<>();
        JsonLocation location = exception.getLocation();
        String where = "";
        if (location != null && location.getLineNr() > 0) {
            details.put("line", location.getLineNr());
            details.put("column", location.getColumnNr());
            where = " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPathReference();
            details.put("field", field);
            where += " (" + field + ")";
        }
        String problem = firstLine(exception.getOriginalMessage());
        return malformed
                ? ApiError.response(400, "malformed_json", "The body is not valid JSON" + where + ": " + problem, details)
                : ApiError.response(400, "invalid_json", "The JSON body has the wrong shape" + where + ": " + problem,
                        details);
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
