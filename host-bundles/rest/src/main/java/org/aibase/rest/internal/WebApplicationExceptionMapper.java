package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;


/**
 * Jersey's own refusals (unknown path 404, wrong method 405, wrong content type 415, unreadable
 * body 400, ...) in our JSON format. The status and headers such as {@code Allow} are kept.
 */
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.hasEntity()) {
            return original; // a plugin that wrote its own error body keeps it
        }
        int status = original.getStatus();
        Map<String, Object> details = new LinkedHashMap<>();
        if (exception instanceof NotAllowedException) {
            details.put("allowed", original.getAllowedMethods().stream().sorted().toList());
        }
        Response json = ApiError.response(status, ApiError.codeFor(status), message(exception, status), details);
        return Response.fromResponse(original)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(json.getEntity())
                .build();
    }

    /** Jersey's messages are just "HTTP 404 Not Found": say something a person can act on. */
    private static String message(WebApplicationException exception, int status) {
        String message = exception.getMessage();
        if (message != null && !message.startsWith("HTTP " + status)) {
            return message;
        }
        return switch (status) {
            case 400 -> "The request could not be read";
            case 403 -> "The caller's role may not use this endpoint (it needs the admin role)";
            case 404 -> "Nothing is at this path";
            case 405 -> "This path does not accept that method";
            case 406 -> "This path cannot produce the requested media type";
            case 415 -> "This path does not accept that content type";
            default -> Response.Status.fromStatusCode(status) == null
                    ? "HTTP " + status
                    : Response.Status.fromStatusCode(status).getReasonPhrase();
        };
    }
}
