package org.aibase.testkit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An answer of the runtime's HTTP API.
 *
 * @param status the HTTP status
 * @param body the body as text
 */
public record ApiResponse(int status, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The body as JSON; fails the test with the body when it is not JSON. */
    public JsonNode json() {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new AssertionError("the answer (" + status + ") is not JSON: " + body, e);
        }
    }
}
