package org.aibase.rest.internal;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;


/** Errors the platform's resources answer on purpose. */
public final class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response response = exception.toResponse();
        if (response.getStatus() == 413) {
            // the rest of the oversized body is never read, so this connection cannot carry another
            // request: say so, or a client that reuses it sees its next request fail
            return Response.fromResponse(response).header("Connection", "close").build();
        }
        return response;
    }
}
