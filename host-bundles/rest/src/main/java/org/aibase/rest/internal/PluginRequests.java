package org.aibase.rest.internal;

import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;

/** Which plugin a request to a plugin's application is for: {@code /api/v1/<plugin-id>/...}. */
final class PluginRequests {

    /** Filter selecting every plugin application: the deployer marks them with the plugin's id. */
    static final String PLUGIN_APPLICATIONS = "(aibase.plugin.id=*)";

    private PluginRequests() {
    }

    static Optional<String> pluginId(ContainerRequestContext request) {
        String[] segments = request.getUriInfo().getRequestUri().getPath().split("/");
        return segments.length < 4 ? Optional.empty() : Optional.of(segments[3]);
    }
}
