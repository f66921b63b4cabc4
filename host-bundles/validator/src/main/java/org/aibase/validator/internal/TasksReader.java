package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.TaskDeclaration;

/**
 * Reads {@code tasks:}, a list of task declarations:
 *
 * <pre>
 * tasks:
 *   - name: greet
 *     description: Greets someone by name
 *     input: {type: object, properties: {name: {type: string}}, required: [name]}
 *     read_only: true
 *   - name: purge
 *     description: Removes every stored greeting
 *     role: admin
 *     destructive: true
 * </pre>
 *
 * A value of the wrong type is an error and its declaration is skipped; the form of names and their
 * uniqueness are {@link TasksCheck}'s.
 */
final class TasksReader {

    static final Set<String> FIELDS = Set.of("name", "description", "role", "input", "output", "read_only", "destructive",
            "idempotent");
    private static final String EXAMPLE = "a list of mappings such as {name: greet, description: ..., role: user}";

    private TasksReader() {
    }

    static List<TaskDeclaration> read(DescriptorFields fields) {
        Object value = fields.raw("tasks");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            fields.error("tasks", "is " + DescriptorFields.kind(value) + ", not a list", EXAMPLE);
            return List.of();
        }
        List<TaskDeclaration> tasks = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "tasks[" + i + "].";
            if (!(list.get(i) instanceof Map<?, ?> declared)) {
                fields.error("tasks", "element " + (i + 1) + " is " + DescriptorFields.kind(list.get(i)) + ", not a mapping", EXAMPLE);
                continue;
            }
            DescriptorFields task = fields.element(declared, at);
            task.warnAboutUnknownKeys(FIELDS);
            var name = task.text("name");
            if (name.isEmpty()) {
                if (task.raw("name") == null) {
                    task.error("name", "is missing", "the task type, e.g. greet");
                }
                continue;
            }
            String description = task.text("description").orElse("");
            var role = task.word("role", Vocabulary.CALLER_ROLES);
            if (role.isEmpty() && task.raw("role") != null) {
                continue;
            }
            Map<String, Object> input = schema(task, "input");
            Map<String, Object> output = schema(task, "output");
            TaskDeclaration.Hints hints = new TaskDeclaration.Hints(hint(task, "read_only"), hint(task, "destructive"),
                    hint(task, "idempotent"));
            tasks.add(new TaskDeclaration(name.get(), description, role.orElse(CallerRole.USER), input, output, hints));
        }
        return tasks;
    }

    /** A schema as declared (YAML's maps, lists and scalars); {@link TasksCheck} judges it. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(DescriptorFields task, String key) {
        Object value = task.raw(key);
        if (value == null) {
            return Map.of();
        }
        if (!(value instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            task.error(key, "is " + DescriptorFields.kind(value) + ", not a JSON Schema object",
                    "a mapping such as {type: object, properties: {name: {type: string}}}");
            return Map.of();
        }
        return (Map<String, Object>) map;
    }

    private static Optional<Boolean> hint(DescriptorFields task, String key) {
        Object value = task.raw(key);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Boolean b)) {
            task.error(key, "is " + DescriptorFields.kind(value) + ", not true or false", "true or false");
            return Optional.empty();
        }
        return Optional.of(b);
    }
}
