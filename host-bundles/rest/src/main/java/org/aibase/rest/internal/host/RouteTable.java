package org.aibase.rest.internal.host;

import java.util.HashMap;
import java.util.Map;

/**
 * The one routing table of plugin requests: an immutable map from plugin id to {@link Route},
 * replaced whole on every change, so a request reads it without a lock and never sees half a change.
 * Changes are made by one owner ({@link PluginHosting}) under its lock.
 */
final class RouteTable {

    private volatile Map<String, Route> routes = Map.of();

    Route get(String pluginId) {
        return routes.get(pluginId);
    }

    /** Every route, for listing. */
    Map<String, Route> all() {
        return routes;
    }

    void put(String pluginId, Route route) {
        Map<String, Route> next = new HashMap<>(routes);
        next.put(pluginId, route);
        routes = Map.copyOf(next);
    }

    void remove(String pluginId) {
        if (routes.containsKey(pluginId)) {
            Map<String, Route> next = new HashMap<>(routes);
            next.remove(pluginId);
            routes = Map.copyOf(next);
        }
    }
}
