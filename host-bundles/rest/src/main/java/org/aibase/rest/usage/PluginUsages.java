package org.aibase.rest.usage;

import java.util.Map;
import java.util.Optional;

/**
 * Each plugin's usage, as {@code GET /api/v1/plugins/{id}/usage} serves it: requests, errors,
 * latency percentiles, what its work cost (CPU, allocations, waits, timeouts) and its effective
 * limits. For host bundles that show usage elsewhere (the web console); plugins never see it.
 */
public interface PluginUsages {

    /** The usage of a plugin the registry knows, as JSON-ready values; empty for an unknown id. */
    Optional<Map<String, Object>> of(String pluginId);
}
