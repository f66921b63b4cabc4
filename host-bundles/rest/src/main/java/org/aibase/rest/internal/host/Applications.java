package org.aibase.rest.internal.host;

import jakarta.ws.rs.Priorities;

import org.aibase.rest.internal.ApiExceptionMapper;
import org.aibase.rest.internal.BodyReadFailures;
import org.aibase.rest.internal.HttpErrorMapper;
import org.aibase.rest.internal.JacksonJsonExtension;
import org.aibase.rest.internal.JsonProcessingExceptionMapper;
import org.aibase.rest.internal.PathParametersRefusal;
import org.aibase.rest.internal.PluginConfigurationExceptionMapper;
import org.aibase.rest.internal.RegistryExceptionMapper;
import org.aibase.rest.internal.UnexpectedErrorMapper;
import org.aibase.rest.internal.WebApplicationExceptionMapper;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.glassfish.jersey.server.ServerProperties;

/**
 * What every Jersey application of the host is made of: its services, plus the platform's JSON and
 * error shape for whatever the application leaves unhandled. A plugin's own mappers and providers
 * win over the platform's (these are registered with a lower priority).
 */
public final class Applications {

    /** Below any priority an application gives its own providers (the default is {@code USER}). */
    private static final int PLATFORM_FALLBACK = Priorities.USER + 1000;

    private Applications() {
    }

    /**
     * A plugin's application, before its endpoints join: JSON, the platform's answers for unmapped
     * failures, and {@code @RolesAllowed} on a resource class or method enforced against the caller's
     * role (Jersey's feature; the host's request gives the role as the SecurityContext).
     */
    public static ResourceConfig plugin(String pluginId) {
        return base(pluginApplication(pluginId), "plugin '" + pluginId + "'").register(RolesAllowedDynamicFeature.class);
    }

    /** The name of a plugin's application and container: {@code aibase.<id>}. */
    public static String pluginApplication(String pluginId) {
        return "aibase." + pluginId;
    }

    /** The platform's own application, before its resources join: also the mappers of its own exceptions. */
    public static ResourceConfig platform(String name) {
        ResourceConfig config = base(name, "the HTTP API");
        config.register(new ApiExceptionMapper(), PLATFORM_FALLBACK);
        config.register(new RegistryExceptionMapper(), PLATFORM_FALLBACK);
        config.register(new PluginConfigurationExceptionMapper(), PLATFORM_FALLBACK);
        config.register(new PathParametersRefusal());
        return config;
    }

    /** {@code served} names, in the log, what an unexpected error happened in. */
    private static ResourceConfig base(String name, String served) {
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName(name);
        // WADL needs JAXB, which the platform does not ship; without this Jersey looks for it on every build
        config.property(ServerProperties.WADL_FEATURE_DISABLE, Boolean.TRUE);
        // an error without an entity is answered with setStatus, never sendError: sendError would let the
        // servlet container write its own HTML page instead of the platform's JSON
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, Boolean.TRUE);
        config.register(new JacksonJsonExtension(), PLATFORM_FALLBACK);
        config.register(new BodyReadFailures());
        config.register(new WebApplicationExceptionMapper(), PLATFORM_FALLBACK);
        config.register(new HttpErrorMapper(), PLATFORM_FALLBACK);
        config.register(new JsonProcessingExceptionMapper(), PLATFORM_FALLBACK);
        config.register(new UnexpectedErrorMapper(served), PLATFORM_FALLBACK);
        return config;
    }
}
