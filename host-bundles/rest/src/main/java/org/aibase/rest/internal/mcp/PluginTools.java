package org.aibase.rest.internal.mcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aibase.api.plugin.CallerRole;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.TaskDeclaration;

import io.modelcontextprotocol.spec.McpSchema;

/**
 * The tools a plugin's declared tasks become: {@code <plugin>-<task>} (ids and task names have no
 * hyphen, so the name splits one way; dots would break the tool-name pattern of the major LLM APIs),
 * with the task's description, input and output schemas and hints.
 */
final class PluginTools {

    /** A tool and the task it runs. */
    record Target(String tool, long bundleId, PluginDescriptor plugin, TaskDeclaration task) {
    }

    private static final Map<String, Object> ANY_OBJECT = Map.of("type", "object");

    private PluginTools() {
    }

    static String name(String pluginId, String task) {
        return pluginId + "-" + task;
    }

    /** The targets of a plugin's declared tasks (none when it declares none: a tool needs a declared task). */
    static List<Target> of(long bundleId, PluginDescriptor plugin) {
        List<Target> targets = new ArrayList<>();
        for (TaskDeclaration task : plugin.tasks()) {
            targets.add(new Target(name(plugin.id(), task.name()), bundleId, plugin, task));
        }
        return targets;
    }

    /** Whether callers of a role see the tool: admin tools only for admins. */
    static boolean visibleTo(CallerRole role, Target target) {
        return role.grants(target.task().role());
    }

    static McpSchema.Tool tool(Target target) {
        TaskDeclaration task = target.task();
        TaskDeclaration.Hints hints = task.hints();
        McpSchema.Tool.Builder tool = McpSchema.Tool.builder()
                .name(target.tool())
                .title(target.plugin().name() + ": " + task.name())
                .description(task.description().isEmpty() ? "Task " + task.name() + " of the plugin " + target.plugin().id()
                        : task.description())
                .inputSchema(task.input().isEmpty() ? ANY_OBJECT : task.input())
                .annotations(new McpSchema.ToolAnnotations(null, hints.readOnly().orElse(null),
                        hints.destructive().orElse(null), hints.idempotent().orElse(null), null, null));
        if (!task.output().isEmpty()) {
            tool.outputSchema(task.output());
        }
        return tool.build();
    }
}
