package org.aibase.plugin.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** One thing wrong with a request: the field (e.g. {@code config.widgets[2].type}) and what is allowed. */
public record Problem(String field, String message) {

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("field", field);
        json.put("message", message);
        return json;
    }
}
