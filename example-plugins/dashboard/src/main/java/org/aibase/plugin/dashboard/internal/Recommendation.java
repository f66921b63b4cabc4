package org.aibase.plugin.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** A recommendation a rule derived from the figures: which rule, for which plugin ("" for the platform). */
public record Recommendation(String rule, String plugin, String severity, String message) {

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("rule", rule);
        json.put("plugin", plugin.isEmpty() ? null : plugin);
        json.put("severity", severity);
        json.put("message", message);
        return json;
    }
}
