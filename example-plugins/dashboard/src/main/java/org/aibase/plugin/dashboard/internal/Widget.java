package org.aibase.plugin.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A widget of a dashboard: how it is drawn, which metric it shows, optionally for one plugin and over
 * its own time range (else the dashboard's).
 */
public record Widget(String type, String dataSource, String title, Optional<String> plugin, Optional<TimeRange> timeRange) {

    /** The widget types the page draws. */
    public static final List<String> TYPES = List.of("line", "bar", "histogram", "gauge", "stat", "table");

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", type);
        json.put("data_source", dataSource);
        json.put("title", title);
        json.put("plugin", plugin.orElse(null));
        json.put("time_range", timeRange.map(TimeRange::id).orElse(null));
        return json;
    }
}
