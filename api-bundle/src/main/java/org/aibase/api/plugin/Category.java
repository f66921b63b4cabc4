package org.aibase.api.plugin;

import java.util.Arrays;
import java.util.Optional;

/** What kind of plugin it is; the vocabulary is closed. */
public enum Category {
    /** Wraps or serves a model. */
    AI_MODEL("ai_model"),
    /** Transforms or cleans data. */
    DATA_PROCESSOR("data_processor"),
    /** Connects to another system. */
    INTEGRATION("integration"),
    /** Analyses data and reports on it. */
    ANALYTICS("analytics"),
    /** Anything else. */
    UTILITY("utility");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The id used in {@code plugin.yaml} and JSON, e.g. {@code data_processor}. */
    public String id() {
        return id;
    }

    /** The category with the given id, or empty. */
    public static Optional<Category> fromId(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }
}
