package org.aibase.api.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A task for a plugin's {@link Plugin} service (the PRSM {@code execute_task} request).
 *
 * @param type the task type, e.g. {@code greet}; a plugin answers an unknown type with a failed result
 * @param config the task's parameters, JSON-shaped (maps, lists, strings, numbers, booleans, and
 *               {@code null} where the caller sent JSON {@code null})
 */
public record TaskRequest(String type, Map<String, Object> config) {

    /** Creates a request; the config is copied, in its order, keeping {@code null} values (JSON allows them). */
    public TaskRequest {
        Objects.requireNonNull(type, "type");
        config = config == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
