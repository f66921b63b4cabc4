package org.aibase.sandbox;

import java.util.Objects;

import org.aibase.api.plugin.PluginDescriptor;

/**
 * One piece of a plugin's work the {@link Governor} runs or accounts: a REST request, a task, a job,
 * or a task of the plugin's own executors. Whatever its kind, work that ignores its interrupt counts
 * for the one quarantine policy ({@link Quarantines}); its name is what a quarantine's reason names.
 *
 * @param plugin whose work it is (its limits apply)
 * @param kind what sort of work it is
 * @param name what a person reading a log or an error should call it, e.g. {@code GET /api/v1/hello/slow}
 * @param loader the context class loader the work runs with (the plugin's), or null to keep the thread's
 */
public record WorkUnit(PluginDescriptor plugin, Kind kind, String name, ClassLoader loader) {

    /** What sort of work a unit is; decides which limits apply. */
    public enum Kind {
        /** A call of a plugin's REST resource method: concurrency, CPU, memory and {@code limits.timeout}. */
        REQUEST,
        /** A task ({@code POST /plugins/{id}/tasks}): like a request. */
        TASK,
        /** A task of the plugin's own executor or scheduler: CPU and memory; no timeout, its pool caps concurrency. */
        BACKGROUND
    }

    /** Creates a unit. */
    public WorkUnit {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }

    /** Whether the unit takes one of the plugin's {@code limits.concurrency} slots and has a timeout. */
    public boolean admitted() {
        return kind != Kind.BACKGROUND;
    }
}
