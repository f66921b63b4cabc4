package org.aibase.rest.internal.host;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.fasterxml.jackson.databind.ObjectWriter;

import org.aibase.rest.internal.ApiError;
import org.aibase.rest.internal.JacksonJsonExtension;

/**
 * The platform's JSON error shape written by the host itself, for answers no application gives:
 * a refused caller, an unknown or unavailable plugin, work the governor stopped.
 */
final class ErrorAnswers {

    /** Bodies up to this size are read away before a refusal is sent (see {@link #discardSmallBody}). */
    static final long DISCARDED_BODY_LIMIT = 1 << 20;

    private static final ObjectWriter JSON = JacksonJsonExtension.objectMapper().writer();

    private ErrorAnswers() {
    }

    /** Writes {@code {"error": {...}}} with the status; 401 says how to authenticate, 429 and 503 when to retry. */
    static void write(HttpServletResponse response, int status, String code, String message, Map<String, ?> details)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            response.setHeader("WWW-Authenticate", "Bearer");
        } else if (status == 429 || status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
            response.setHeader("Retry-After", "1");
        }
        byte[] body = JSON.writeValueAsBytes(ApiError.body(code, message, details));
        response.setContentLength(body.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(body);
        }
    }

    /**
     * Reads away a refused request's body when it is small. A server that answers and closes while
     * the client is still sending makes TCP reset the connection, and a client that does not ask
     * {@code Expect: 100-continue} (browsers, java.net.http) then sees a broken connection instead
     * of the 401/403. Large bodies are not read for a caller who is not allowed in.
     */
    static void discardSmallBody(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        if (length <= 0 || length > DISCARDED_BODY_LIMIT) {
            return;
        }
        try (InputStream body = request.getInputStream()) {
            body.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            // the client went away or sent less than announced: nothing left to protect
        }
    }
}
