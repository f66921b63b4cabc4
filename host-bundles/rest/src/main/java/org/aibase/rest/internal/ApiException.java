package org.aibase.rest.internal;

import java.util.Map;

import jakarta.ws.rs.core.Response;

/** An error the API answers on purpose, with its status, stable code and details. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient Map<String, Object> details;

    ApiException(int status, String code, String message) {
        this(status, code, message, Map.of());
    }

    ApiException(int status, String code, String message, Map<String, Object> details) {
        super(message);
        this.status = status;
        this.code = code;
        this.details = Map.copyOf(details);
    }

    /** 400 for a request parameter or body field that is wrong, naming it. */
    static ApiException invalidParameter(String name, String message) {
        return new ApiException(400, "invalid_parameter", message, Map.of("parameter", name));
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    Map<String, Object> details() {
        return details;
    }

    Response toResponse() {
        return ApiError.response(status, code, getMessage(), details);
    }
}
