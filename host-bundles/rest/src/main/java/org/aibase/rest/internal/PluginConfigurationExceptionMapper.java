package org.aibase.rest.internal;

import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.aibase.sandbox.PluginConfigurationException;

/** A plugin configuration refused: NOT_FOUND 404, INVALID 422 naming the key and what it must be. */
public final class PluginConfigurationExceptionMapper implements ExceptionMapper<PluginConfigurationException> {

    @Override
    public Response toResponse(PluginConfigurationException exception) {
        int status = exception.kind() == PluginConfigurationException.Kind.NOT_FOUND ? 404 : 422;
        return ApiError.response(status, exception.kind().name().toLowerCase(Locale.ROOT), exception.getMessage(),
                exception.key().<Map<String, Object>>map(key -> Map.of("field", key)).orElse(Map.of()));
    }
}
