package org.aibase.rest.internal.host;

import org.glassfish.hk2.api.MultiException;

/**
 * A per-request instance of a plugin's resource could not be had: its service is going away (SCR
 * deactivates a component before it unregisters it, e.g. for a new configuration). Raised while
 * Jersey routes the request, before any of the plugin's code runs and before the body is read, so
 * the host serves the request again on the plugin's next application.
 */
final class EndpointGone extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    EndpointGone(Class<?> resource) {
        super(resource.getName() + " is no longer available: its service is going away");
    }

    /** Whether the failure, however Jersey and the governor wrapped it, is this one. */
    static boolean causes(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof EndpointGone) {
                return true;
            }
            // HK2 collects the errors of one injection in a MultiException, which keeps them in its list
            if (cause instanceof MultiException many && many.getErrors().stream().anyMatch(EndpointGone::causes)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
