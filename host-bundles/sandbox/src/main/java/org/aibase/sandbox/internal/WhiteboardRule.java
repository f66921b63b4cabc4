package org.aibase.sandbox.internal;

import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * What the HTTP service's whiteboard sees of a confined plugin's services: none of its servlets,
 * filters, listeners or resources. A plugin is served only through the platform's HTTP host, under
 * its own prefix; a filter it registered on {@code /*} would see every request's API key.
 */
final class WhiteboardRule {

    /** The bundles that pick up servlet whiteboard services (Felix HTTP). */
    private static final Set<String> WHITEBOARDS = Set.of(
            "org.apache.felix.http.jetty12",
            "org.apache.felix.http.jetty",
            "org.apache.felix.http.base");

    private static final String HTTP_WHITEBOARD = "osgi.http.whiteboard.";

    private WhiteboardRule() {
    }

    /** Whether the bundle is the HTTP service's whiteboard. */
    static boolean isWhiteboard(Bundle bundle) {
        return bundle != null && WHITEBOARDS.contains(bundle.getSymbolicName());
    }

    /** Whether the whiteboard may see a service the confined plugin registered: never one meant for it. */
    static boolean visibleToWhiteboard(ServiceReference<?> reference) {
        for (String key : reference.getPropertyKeys()) {
            if (key.startsWith(HTTP_WHITEBOARD)) {
                return false;
            }
        }
        return true;
    }
}
