package org.aibase.api.llm;

import java.util.Objects;

/** A model served by a configured endpoint (never carries credentials). */
public record ModelInfo(String name, String endpoint, String type, CircuitState circuit) {

    /** Checks that every field is given. */
    public ModelInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(circuit, "circuit");
    }

    /** Whether the endpoint currently accepts calls (its circuit is not open). */
    public boolean healthy() {
        return circuit != CircuitState.OPEN;
    }
}
