package org.aibase.plugin.dashboard.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A dashboard as stored: its id, spec and times. */
public record StoredDashboard(long id, DashboardSpec spec, Instant createdAt, Instant updatedAt) {

    /** The page that shows it. */
    public String url() {
        return "/api/v1/dashboard/ui/?dashboard=" + id;
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.putAll(spec.json());
        json.put("url", url());
        json.put("created_at", createdAt.toString());
        json.put("updated_at", updatedAt.toString());
        return json;
    }
}
