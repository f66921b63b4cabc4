package org.aibase.api.plugin;

import java.util.Objects;

/**
 * A task type a plugin declares under {@code tasks:} in {@code plugin.yaml}. Once a plugin declares
 * tasks, the platform runs only those, each for callers with its role.
 *
 * @param name the task type ({@code [a-z][a-z0-9_]{0,23}}), as in {@link TaskRequest#type()}
 * @param description what the task does, for people and AI agents
 * @param role the role a caller needs to run it ({@code user} unless declared)
 */
public record TaskDeclaration(String name, String description, CallerRole role) {

    /** The form of a task name. */
    public static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,23}";

    /** Creates a declaration; a missing description is empty, a missing role {@code user}. */
    public TaskDeclaration {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        role = role == null ? CallerRole.USER : role;
    }
}
