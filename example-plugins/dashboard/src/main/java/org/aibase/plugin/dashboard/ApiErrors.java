package org.aibase.plugin.dashboard;

import java.util.List;
import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.plugin.dashboard.internal.Problem;

/** The errors the dashboard's resources answer with; the platform writes them in its JSON error shape. */
final class ApiErrors {

    private ApiErrors() {
    }

    static HttpError invalid(List<Problem> problems) {
        StringBuilder message = new StringBuilder();
        for (Problem p : problems) {
            message.append(message.length() == 0 ? "" : "; ").append(p.field()).append(' ').append(p.message());
        }
        return new HttpError(400, "invalid_request", message.toString(),
                Map.of("problems", problems.stream().map(Problem::json).toList()));
    }

    static HttpError notFound(long id) {
        return new HttpError(404, "not_found", "no dashboard with id " + id, Map.of("field", "id"));
    }

    static HttpError badId(String id) {
        return new HttpError(400, "invalid_request", "id '" + id + "' is not a dashboard id (a positive whole number)",
                Map.of("field", "id"));
    }
}
