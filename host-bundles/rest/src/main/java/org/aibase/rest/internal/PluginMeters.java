package org.aibase.rest.internal;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Component;

/** The meters of every plugin that served HTTP since the platform started, by plugin id. */
@Component(service = PluginMeters.class)
public final class PluginMeters {

    private final Map<String, PluginMeter> meters = new ConcurrentHashMap<>();

    /** The meter of a plugin, created at its first request. */
    public PluginMeter of(String pluginId) {
        return meters.computeIfAbsent(pluginId, id -> new PluginMeter());
    }

    /** The meter of a plugin, if it ever served a request. */
    PluginMeter find(String pluginId) {
        return meters.get(pluginId);
    }

    /** Every meter, ordered by plugin id. */
    Map<String, PluginMeter> all() {
        return new TreeMap<>(meters);
    }
}
