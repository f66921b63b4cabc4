package org.aibase.rest.internal;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.PathSegment;

/**
 * Refuses a path segment with parameters ({@code ;x=1}) anywhere in the platform's API, before a
 * resource is matched. Jersey drops them from {@code @PathParam} values, so
 * {@code DELETE /api/v1/plugins/hello;x=1} would act on {@code hello} although the caller named
 * {@code hello;x=1}; no platform endpoint takes such parameters, so none is ever right.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class PathParametersRefusal implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            if (!segment.getMatrixParameters().isEmpty()) {
                StringBuilder given = new StringBuilder(segment.getPath());
                segment.getMatrixParameters().forEach((name, values) -> values.forEach(
                        value -> given.append(';').append(name).append(value.isEmpty() ? "" : "=" + value)));
                request.abortWith(ApiError.response(400, "invalid_path", "The path segment '" + given
                        + "' carries ';' parameters, which no endpoint of the platform's API takes;"
                        + " name the resource without them", Map.of("segment", segment.getPath())));
                return;
            }
        }
    }
}
