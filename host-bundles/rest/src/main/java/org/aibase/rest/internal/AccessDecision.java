package org.aibase.rest.internal;

import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

/**
 * The outcome of checking one request: let it through (with the caller's role, empty for a public
 * endpoint called anonymously) or refuse it with a status and a stable code.
 */
record AccessDecision(boolean allowed, Optional<Role> role, int status, String code, String message) {

    static AccessDecision allow(Optional<Role> role) {
        return new AccessDecision(true, role, 200, "", "");
    }

    static AccessDecision deny(int status, String code, String message) {
        return new AccessDecision(false, Optional.empty(), status, code, message);
    }

    Response toResponse() {
        return ApiError.response(status, code, message, Map.of());
    }
}
