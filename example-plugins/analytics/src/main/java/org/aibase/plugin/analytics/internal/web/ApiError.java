package org.aibase.plugin.analytics.internal.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.plugin.analytics.internal.frame.DatasetException;

/** The platform's error body: {@code {"error": {"code", "message", "details": {"field"}}}}. */
public final class ApiError {

    private ApiError() {
    }

    /** The response for a status, a code, the field that is wrong and what is wrong with it. */
    public static Response of(int status, String code, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", Map.of("field", field));
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    /** 413 for a size limit, 422 for invalid content. */
    public static Response of(DatasetException e) {
        return of(e.tooLarge() ? 413 : 422, e.code(), e.field(), e.getMessage());
    }
}
