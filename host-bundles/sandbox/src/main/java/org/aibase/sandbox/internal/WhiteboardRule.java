package org.aibase.sandbox.internal;

import java.util.Set;

import org.aibase.api.plugin.Permission;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What the HTTP whiteboards see of a confined plugin's services: only the resources the platform
 * publishes for it into its own application ({@code aibase.<id>}), and only with {@code http}. A
 * servlet filter on {@code /*} would see every request's API key; a resource selecting another
 * plugin's application would serve under its URL space.
 */
final class WhiteboardRule {

    /** The bundles that pick up whiteboard services: Jakarta REST (Jersey) and the servlet whiteboard. */
    private static final Set<String> WHITEBOARDS = Set.of(
            "org.eclipse.osgitech.rest",
            "org.eclipse.osgitech.rest.servlet.whiteboard",
            "org.apache.felix.http.jetty12",
            "org.apache.felix.http.jetty",
            "org.apache.felix.http.base");

    /** The property the platform sets on what it publishes for a plugin (see the deployer's PluginApplications). */
    static final String PLUGIN_ID = "aibase.plugin.id";

    private static final String JAKARTARS = "osgi.jakartars.";
    private static final String HTTP_WHITEBOARD = "osgi.http.whiteboard.";
    private static final String RESOURCE = "osgi.jakartars.resource";
    private static final String APPLICATION_SELECT = "osgi.jakartars.application.select";

    private WhiteboardRule() {
    }

    /** Whether the bundle is one of the whiteboards. */
    static boolean isWhiteboard(Bundle bundle) {
        return bundle != null && WHITEBOARDS.contains(bundle.getSymbolicName());
    }

    /** Whether a whiteboard may see a service the confined plugin registered. */
    static boolean visibleToWhiteboard(Confined owner, ServiceReference<?> reference) {
        boolean whiteboardService = false;
        for (String key : reference.getPropertyKeys()) {
            if (key.startsWith(HTTP_WHITEBOARD)) {
                return false; // servlets, filters, listeners, resources of the servlet whiteboard: never
            }
            whiteboardService |= key.startsWith(JAKARTARS);
        }
        return !whiteboardService || isOwnPublication(owner, reference);
    }

    private static boolean isOwnPublication(Confined owner, ServiceReference<?> reference) {
        if (!owner.holds(Permission.HTTP) || owner.id().isEmpty()) {
            return false;
        }
        String id = owner.id().get();
        return id.equals(reference.getProperty(PLUGIN_ID))
                && ("(osgi.jakartars.name=aibase." + id + ")").equals(reference.getProperty(APPLICATION_SELECT))
                && isTrue(reference.getProperty(RESOURCE))
                // a resource, not an extension: an extension could filter every call of the application
                && reference.getProperty("osgi.jakartars.extension") == null;
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
