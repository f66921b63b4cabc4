package org.aibase.api.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A task type a plugin declares under {@code tasks:} in {@code plugin.yaml}. Once a plugin declares
 * tasks, the platform runs only those, each for callers with its role, with a {@code config} its
 * input schema accepts. AI agents see each as a tool.
 *
 * @param name the task type ({@code [a-z][a-z0-9_]{0,23}}), as in {@link TaskRequest#type()}
 * @param description what the task does, for people and AI agents
 * @param role the role a caller needs to run it ({@code user} unless declared)
 * @param input the JSON Schema (2020-12) of {@link TaskRequest#config()}, an object schema; empty when
 *        not declared (then any object is accepted)
 * @param output the JSON Schema of {@link TaskResult#data()}; empty when not declared
 * @param hints what the task does to the world, for agents deciding whether to ask first
 */
public record TaskDeclaration(String name, String description, CallerRole role, Map<String, Object> input,
        Map<String, Object> output, Hints hints) {

    /** The form of a task name. */
    public static final String NAME_PATTERN = "[a-z][a-z0-9_]{0,23}";

    /**
     * Hints about a task's effects, as plugin.yaml's {@code read_only}, {@code destructive} and
     * {@code idempotent} state them; each empty when not stated.
     *
     * @param readOnly it changes nothing
     * @param destructive it may delete or overwrite (meaningful when not read-only)
     * @param idempotent running it again with the same config changes nothing more
     */
    public record Hints(Optional<Boolean> readOnly, Optional<Boolean> destructive, Optional<Boolean> idempotent) {

        /** Nothing stated. */
        public static final Hints NONE = new Hints(Optional.empty(), Optional.empty(), Optional.empty());

        /** Creates hints; a null part is not stated. */
        public Hints {
            readOnly = readOnly == null ? Optional.empty() : readOnly;
            destructive = destructive == null ? Optional.empty() : destructive;
            idempotent = idempotent == null ? Optional.empty() : idempotent;
        }
    }

    /** Creates a declaration; a missing description is empty, a missing role {@code user}, missing schemas empty. */
    public TaskDeclaration {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        role = role == null ? CallerRole.USER : role;
        input = input == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(input));
        output = output == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(output));
        hints = hints == null ? Hints.NONE : hints;
    }

    /** A declaration without schemas or hints. */
    public TaskDeclaration(String name, String description, CallerRole role) {
        this(name, description, role, null, null, null);
    }
}
