package org.aibase.rest.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.validator.JsonSchemas;

/**
 * Whether a task call may reach its plugin, the same for {@code POST /tasks} and MCP's
 * {@code tools/call}: a plugin that declares its tasks runs only those, each for callers with its
 * role and with a config its input schema accepts; one that declares none gets every type (for any
 * user) and answers an unknown one itself.
 */
public final class TaskAdmission {

    private TaskAdmission() {
    }

    /**
     * Checks the call.
     *
     * @param hasRole whether the caller has a role, by its id
     * @throws ApiException 422 for an undeclared type or a config the schema refuses (naming the field),
     *         403 for a role the caller lacks
     */
    public static void admit(PluginDescriptor plugin, TaskRequest request, Predicate<String> hasRole) {
        if (plugin.tasks().isEmpty()) {
            return;
        }
        String type = request.type();
        TaskDeclaration task = plugin.task(type).orElseThrow(() -> {
            List<String> names = plugin.tasks().stream().map(TaskDeclaration::name).toList();
            return new ApiException(422, "invalid", "Plugin '" + plugin.id() + "' has no task '" + type + "' (allowed: "
                    + String.join(", ", names) + ")", Map.of("field", "type", "allowed", names));
        });
        if (!hasRole.test(task.role().id())) {
            throw new ApiException(403, "forbidden", "Task '" + type + "' of plugin '" + plugin.id() + "' needs the "
                    + task.role().id() + " role", Map.of("role", task.role().id()));
        }
        if (!task.input().isEmpty()) {
            List<JsonSchemas.Problem> problems = JsonSchemas.check(task.input(), request.config(), "config");
            if (!problems.isEmpty()) {
                throw new ApiException(422, "invalid", problems.get(0).field() + ": " + problems.get(0).message()
                        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""),
                        Map.of("field", problems.get(0).field(), "problems", problems.stream()
                                .map(p -> Map.of("field", p.field(), "message", p.message())).toList()));
            }
        }
    }
}
