package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The one error format of the HTTP API: {@code {"error":{"code":...,"message":...,"details":{...}}}}.
 * Every mapper, filter and resource builds its error responses here, so clients parse one shape.
 */
public final class ApiError {

    private ApiError() {
    }

    /** The error body. */
    public static Map<String, Object> body(String code, String message, Map<String, ?> details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", message);
        error.put("details", details == null ? Map.of() : new LinkedHashMap<>(details));
        return Map.of("error", error);
    }

    /** A JSON error response; a 401 also says how to authenticate. */
    public static Response response(int status, String code, String message, Map<String, ?> details) {
        Response.ResponseBuilder builder = Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(body(code, message, details));
        if (status == Response.Status.UNAUTHORIZED.getStatusCode()) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return builder.build();
    }

    /** The generic code of an HTTP status, for errors that carry no code of their own. */
    public static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 409 -> "conflict";
            case 413 -> "payload_too_large";
            case 415 -> "unsupported_media_type";
            case 422 -> "invalid";
            case 429 -> "too_many_requests";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + status;
        };
    }
}
