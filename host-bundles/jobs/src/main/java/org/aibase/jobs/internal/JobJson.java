package org.aibase.jobs.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;


/** Jobs and errors as the HTTP API answers them (the error shape is the platform's one). */
final class JobJson {

    private JobJson() {
    }

    /** An error answer in the platform's format, thrown so the resource method ends. */
    static WebApplicationException error(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return new WebApplicationException(message, Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("error", error)).build());
    }

    static WebApplicationException notFound(String id) {
        return error(404, "not_found", "no job has the id '" + id + "'", Map.of("id", id));
    }

    static WebApplicationException invalidParameter(String name, String message) {
        return error(400, "invalid_parameter", message, Map.of("parameter", name));
    }
}
