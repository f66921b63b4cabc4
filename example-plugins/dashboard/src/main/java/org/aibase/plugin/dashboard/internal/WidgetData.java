package org.aibase.plugin.dashboard.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The data of every widget of a dashboard: its series over its time range and the current value. */
public final class WidgetData {

    private WidgetData() {
    }

    public static Map<String, Object> of(StoredDashboard dashboard, MetricsReader reader) {
        Map<String, Map<String, Double>> latest = reader.service().latest();
        Map<String, String> units = new HashMap<>();
        reader.service().metrics().forEach(info -> units.put(info.name(), info.unit()));
        List<Map<String, Object>> widgets = new ArrayList<>();
        for (int i = 0; i < dashboard.spec().widgets().size(); i++) {
            Widget widget = dashboard.spec().widgets().get(i);
            TimeRange range = widget.timeRange().orElse(dashboard.spec().timeRange());
            Map<String, Object> json = new LinkedHashMap<>(widget.json());
            json.put("index", i);
            json.put("time_range", range.id());
            // the page shows values in their unit (bytes as MiB, ratios as %), so it needs to know it
            json.put("unit", units.getOrDefault(widget.dataSource(), "count"));
            List<Map<String, Object>> series = reader.series(widget.dataSource(), widget.plugin(), range).values().stream()
                    .map(MetricsReader::json).toList();
            json.put("series", series);
            json.put("current", current(latest, widget));
            widgets.add(json);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("dashboard_id", dashboard.id());
        data.put("name", dashboard.spec().name());
        data.put("generated_at", Instant.now().toString());
        data.put("sampling_interval_seconds", reader.service().samplingInterval().toSeconds());
        data.put("widgets", widgets);
        return data;
    }

    /** The latest sample: of the widget's plugin, or summed over plugins (for system metrics, the one value). */
    static double current(Map<String, Map<String, Double>> latest, Widget widget) {
        if (widget.plugin().isPresent()) {
            return latest.getOrDefault(widget.plugin().get(), Map.of()).getOrDefault(widget.dataSource(), 0.0);
        }
        return latest.values().stream().mapToDouble(values -> values.getOrDefault(widget.dataSource(), 0.0)).sum();
    }

}
