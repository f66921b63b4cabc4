package org.aibase.console.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** An action the page asked for that cannot be done: an HTTP status and the API's error shape. */
final class ActionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    ActionException(int status, String code, String message, Map<String, ?> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = new LinkedHashMap<>(details);
    }

    int status() {
        return status;
    }

    /** {@code {"error":{"code","message","details"}}}, as the HTTP API answers. */
    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", code);
        error.put("message", getMessage());
        error.put("details", details);
        return Map.of("error", error);
    }
}
