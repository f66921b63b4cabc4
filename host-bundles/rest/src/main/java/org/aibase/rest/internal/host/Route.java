package org.aibase.rest.internal.host;

/**
 * Where requests for one plugin id go now. Routes are immutable; the {@link RouteTable} swaps one
 * for another, and a request keeps the route it took until its response ends.
 */
sealed interface Route {

    /** The plugin's application answers. */
    record Served(PluginApplication application) implements Route {
    }

    /**
     * The plugin is changing (stopping, updating): requests wait for what comes next.
     *
     * @param retired the revision whose application was taken out of service, which must not come
     *        back by a late build; null when any revision may be served next
     */
    record Held(HeldCalls calls, org.osgi.framework.wiring.BundleRevision retired) implements Route {
    }

    /** The plugin is active but its application could not be built; the reason says why. */
    record Broken(String reason) implements Route {
    }
}
