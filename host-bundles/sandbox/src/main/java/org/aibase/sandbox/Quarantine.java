package org.aibase.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A plugin kept stopped by the platform's quarantine policy ({@link Quarantines}).
 *
 * @param pluginId the plugin
 * @param reason why: the work that ran away or would not stop (a request, task or job, by name), or
 *        what the operator said
 * @param since when it began
 * @param liftsAt when the policy lifts it and starts the plugin again; empty when it is pinned, i.e.
 *        it lasts until an operator starts the plugin
 */
public record Quarantine(String pluginId, String reason, Instant since, Optional<Instant> liftsAt) {

    /** Creates a quarantine. */
    public Quarantine {
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(liftsAt, "liftsAt");
    }

    /** Whether only an operator ends it (no automatic lift). */
    public boolean pinned() {
        return liftsAt.isEmpty();
    }

    /** As the HTTP API and the console show it: {@code since}, {@code lifts_at} (null when pinned), {@code pinned}. */
    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("since", since.toString());
        json.put("lifts_at", liftsAt.map(Object::toString).orElse(null));
        json.put("pinned", pinned());
        return json;
    }
}
