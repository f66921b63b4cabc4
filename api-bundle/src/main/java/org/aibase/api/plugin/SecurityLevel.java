package org.aibase.api.plugin;

import java.util.Arrays;
import java.util.Optional;

/** How far a plugin is confined; the vocabulary is closed. */
public enum SecurityLevel {
    /** The default: wires only to the API and an allow-list of safe libraries, sees only granted services. */
    SANDBOX("sandbox"),
    /**
     * Runs in a JVM of its own: only the API and Jakarta REST; permissions limited to http, llm and jobs
     * (storage does not reach that JVM yet).
     */
    ISOLATED("isolated"),
    /** Unrestricted; only for plugin ids the operator grants. */
    TRUSTED("trusted");

    private final String id;

    SecurityLevel(String id) {
        this.id = id;
    }

    /** The id used in {@code plugin.yaml} and JSON. */
    public String id() {
        return id;
    }

    /** The level with the given id, or empty. */
    public static Optional<SecurityLevel> fromId(String id) {
        return Arrays.stream(values()).filter(l -> l.id.equals(id)).findFirst();
    }
}
