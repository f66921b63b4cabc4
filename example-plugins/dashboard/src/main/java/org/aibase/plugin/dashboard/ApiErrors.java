package org.aibase.plugin.dashboard;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.plugin.dashboard.internal.Problem;

/** The platform's error shape: {@code {"error": {"code", "message", "details"}}}. */
final class ApiErrors {

    private ApiErrors() {
    }

    static Response of(int status, String code, String message, Map<String, Object> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(Map.of("error", error)).build();
    }

    static Response invalid(List<Problem> problems) {
        StringBuilder message = new StringBuilder();
        for (Problem p : problems) {
            message.append(message.length() == 0 ? "" : "; ").append(p.field()).append(' ').append(p.message());
        }
        return of(400, "invalid_request", message.toString(), Map.of("problems", problems.stream().map(Problem::json).toList()));
    }

    static Response notFound(long id) {
        return of(404, "not_found", "no dashboard with id " + id, Map.of("field", "id"));
    }

    static Response badId(String id) {
        return of(400, "invalid_request", "id '" + id + "' is not a dashboard id (a positive whole number)", Map.of("field", "id"));
    }
}
