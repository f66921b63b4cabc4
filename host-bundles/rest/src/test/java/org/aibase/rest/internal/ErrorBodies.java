package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Reads the error format back in tests. */
final class ErrorBodies {

    private ErrorBodies() {
    }

    /** Asserts the shape and returns the inner {@code error} object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(Response response, int status, String code) {
        assertEquals(status, response.getStatus());
        assertEquals(MediaType.APPLICATION_JSON_TYPE, response.getMediaType());
        Map<String, Object> body = assertInstanceOf(Map.class, response.getEntity());
        assertEquals(1, body.size(), "only the error object");
        Map<String, Object> error = assertInstanceOf(Map.class, body.get("error"));
        assertEquals(code, error.get("code"));
        assertInstanceOf(String.class, error.get("message"));
        assertTrue(error.get("details") instanceof Map, "details is always an object");
        return error;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> details(Map<String, Object> error) {
        return (Map<String, Object>) error.get("details");
    }
}
