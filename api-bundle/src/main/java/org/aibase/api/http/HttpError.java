package org.aibase.api.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error a plugin's resource answers with, thrown from a resource method: the platform writes it
 * in its one JSON error shape, {@code {"error": {"code": ..., "message": ..., "details": {...}}}},
 * with the given status. Say which field is wrong, what is wrong and what is allowed:
 *
 * <pre>
 * throw HttpError.invalid("name", "name must be 1 to 100 characters, got 240");
 * </pre>
 */
public class HttpError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    /**
     * An error with an HTTP status (400-599), a stable code ({@code [a-z_]+}), a message for people
     * and details for programs (copied).
     */
    public HttpError(int status, String code, String message, Map<String, ?> details) {
        super(Objects.requireNonNull(message, "message"));
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("an error status is 400 to 599, not " + status);
        }
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.details = Map.copyOf(details == null ? Map.of() : details);
    }

    /** An error without details. */
    public HttpError(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    /** 422 {@code invalid_parameter}: the named request parameter or body field is wrong; the message says how. */
    public static HttpError invalid(String field, String message) {
        return new HttpError(422, "invalid_parameter", message, Map.of("field", field));
    }

    /** 404 {@code not_found}: nothing of that kind with that id; the message names it. */
    public static HttpError notFound(String message) {
        return new HttpError(404, "not_found", message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The stable code. */
    public String code() {
        return code;
    }

    /** The details, e.g. {@code field}. */
    public Map<String, Object> details() {
        return details;
    }

    /** This error with one more detail. */
    public HttpError with(String key, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(details);
        more.put(key, value);
        return new HttpError(status, code, getMessage(), more);
    }
}
