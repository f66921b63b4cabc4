package org.aibase.isolation.child.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.aibase.api.http.HttpError;

/**
 * The platform's JSON error shape for what the plugin's resources throw, as the runtime's host
 * answers for in-process plugins: an {@link HttpError} with its status, code and details, a Jakarta
 * REST exception with its status, anything else 500 without internals (its stack trace goes to the
 * child's standard error, which the runtime logs with the plugin's id).
 */
final class ErrorBodies implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable failure) {
        if (failure instanceof HttpError error) {
            return answer(error.status(), error.code(), error.getMessage(), error.details());
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            return answer(status, status == 404 ? "not_found" : status == 405 ? "method_not_allowed"
                    : status < 500 ? "invalid" : "internal_error",
                    status < 500 && web.getMessage() != null ? web.getMessage() : Response.Status.fromStatusCode(status) == null
                            ? "The request failed" : Response.Status.fromStatusCode(status).getReasonPhrase(), Map.of());
        }
        System.err.println("Unexpected error in the plugin's resource: " + failure);
        failure.printStackTrace();
        return answer(500, "internal_error", "An unexpected error occurred", Map.of());
    }

    static Response answer(int status, String code, String message, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        if (!details.isEmpty()) {
            error.put("details", details);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(Map.of("error", error)).build();
    }
}
