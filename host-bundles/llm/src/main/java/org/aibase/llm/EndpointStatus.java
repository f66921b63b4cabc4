package org.aibase.llm;

import java.util.List;
import java.util.Objects;

import org.aibase.api.llm.CircuitState;

/**
 * One configured endpoint: its name, wire type, the models it lists (empty: any model), its circuit
 * and whether an API key is set (never the key itself).
 */
public record EndpointStatus(String name, String type, List<String> models, CircuitState circuit, boolean keySet) {

    /** Checks the fields and copies the model list. */
    public EndpointStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        models = List.copyOf(models);
        Objects.requireNonNull(circuit, "circuit");
    }
}
