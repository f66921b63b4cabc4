package org.aibase.rest.internal;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last resort: 500 with a generic message and an error id. The stack trace goes to the log
 * under that id (its first {@value StackTraces#LOGGED_FRAMES} frames), never into the body, where it
 * would show internals to any caller.
 */
public final class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorMapper.class);

    private final String served;

    /**
     * @param served what the log names as the error's place: {@code plugin '<id>'} (so that the line shows
     *        under {@code aibase logs <id>}) or {@code the HTTP API}
     */
    public UnexpectedErrorMapper(String served) {
        this.served = served;
    }

    /** Logs the failure under a new error id and answers the JSON 500 that names only the id. */
    @Override
    public Response toResponse(Throwable exception) {
        String errorId = UUID.randomUUID().toString();
        LOG.error("Unexpected error {} in {}", errorId, served, StackTraces.cut(exception));
        return ApiError.response(500, "internal_error",
                "An unexpected error occurred; the server log has the details under error id " + errorId,
                Map.of("error_id", errorId));
    }
}
