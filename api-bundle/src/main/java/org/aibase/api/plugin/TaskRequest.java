package org.aibase.api.plugin;

import java.util.Map;
import java.util.Objects;

/**
 * A task for a plugin's {@link Plugin} service (the PRSM {@code execute_task} request).
 *
 * @param type the task type, e.g. {@code greet}; a plugin answers an unknown type with a failed result
 * @param config the task's parameters, JSON-shaped (maps, lists, strings, numbers, booleans)
 */
public record TaskRequest(String type, Map<String, Object> config) {

    /** Creates a request; the config is copied. */
    public TaskRequest {
        Objects.requireNonNull(type, "type");
        config = config == null ? Map.of() : Map.copyOf(config);
    }
}
