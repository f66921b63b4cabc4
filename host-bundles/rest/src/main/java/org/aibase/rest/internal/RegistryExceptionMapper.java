package org.aibase.rest.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.aibase.deployer.RegistryException;

/**
 * The registry's refusals: NOT_FOUND 404, CONFLICT 409, INVALID 422 (with the validation report in
 * {@code details.report} when there is one), UNAVAILABLE 503. The code is the kind in lower case.
 */
public final class RegistryExceptionMapper implements ExceptionMapper<RegistryException> {

    @Override
    public Response toResponse(RegistryException exception) {
        int status = switch (exception.kind()) {
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case INVALID -> 422;
            case UNAVAILABLE -> 503;
        };
        Map<String, Object> details = exception.report()
                .<Map<String, Object>>map(report -> Map.of("report", report.toMap()))
                .orElse(Map.of());
        return ApiError.response(status, exception.kind().name().toLowerCase(Locale.ROOT),
                exception.getMessage(), details);
    }
}
