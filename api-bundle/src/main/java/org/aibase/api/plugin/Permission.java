package org.aibase.api.plugin;

import java.util.Arrays;
import java.util.Optional;

/** A permission a plugin may be granted in its descriptor; the vocabulary is closed. */
public enum Permission {
    /** Use the platform's LLM service. */
    LLM("llm"),
    /** Own JPA entities and a share of the database. */
    STORAGE("storage"),
    /** Submit and handle durable background jobs. */
    JOBS("jobs"),
    /** Expose REST resources and pages under {@code /api/v1/<id>/}. */
    HTTP("http"),
    /** Read platform metrics. */
    METRICS_READ("metrics.read"),
    /** Call outbound HTTP through the platform's client, only to the declared hosts. */
    NETWORK("network"),
    /** Use its own folder through the platform's file service. */
    FILES("files");

    private final String id;

    Permission(String id) {
        this.id = id;
    }

    /** The id used in {@code plugin.yaml}, e.g. {@code metrics.read}. */
    public String id() {
        return id;
    }

    /** The permission with the given descriptor id, or empty when the id is not a permission. */
    public static Optional<Permission> fromId(String id) {
        return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst();
    }
}
