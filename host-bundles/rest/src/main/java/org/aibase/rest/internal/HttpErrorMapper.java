package org.aibase.rest.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.aibase.api.http.HttpError;

/** A plugin's {@link HttpError}, in the platform's JSON error shape with its own status and code. */
public final class HttpErrorMapper implements ExceptionMapper<HttpError> {

    @Override
    public Response toResponse(HttpError error) {
        return ApiError.response(error.status(), error.code(), error.getMessage(), error.details());
    }
}
