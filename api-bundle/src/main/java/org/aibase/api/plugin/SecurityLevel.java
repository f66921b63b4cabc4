package org.aibase.api.plugin;

import java.util.Arrays;
import java.util.Optional;

/** How far a plugin is confined; the vocabulary is closed. */
public enum SecurityLevel {
    /** The default: wires only to the API and an allow-list of safe libraries, sees only granted services. */
    SANDBOX("sandbox"),
    /** Only the API and the Jakarta REST / Persistence APIs; permissions limited to llm, storage, jobs, http. */
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
