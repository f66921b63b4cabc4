package ${package};

import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.api.prompt.PromptTemplates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/**
 * The tasks plugin.yaml declares, run through {@code POST /api/v1/plugins/${pluginId}/tasks} (and MCP as the
 * tool {@code ${pluginId}-greet}): {@code greet} with {@code {"name": "Ada"}}.
 */
@Component(service = Plugin.class, configurationPid = "aibase.plugin.${pluginId}")
public final class GreetingTasks implements Plugin {

    private final PromptTemplates templates;
    private volatile Greeter greeter;

    @Activate
    public GreetingTasks(@Reference PromptTemplates templates, PluginConfiguration configuration) {
        this.templates = templates;
        this.greeter = new Greeter(templates, configuration);
    }

    @Modified
    void modified(PluginConfiguration configuration) {
        this.greeter = new Greeter(templates, configuration);
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        if (!request.type().equals("greet")) {
            return TaskResult.failure("unknown_task", "unknown task type '" + request.type() + "' (allowed: greet)", Severity.LOW);
        }
        try {
            return TaskResult.ok(Map.of("message", greeter.greet(request.config().get("name") instanceof String name ? name : null)));
        } catch (HttpError e) {
            return TaskResult.failure("invalid_config", "config." + e.getMessage(), Severity.LOW);
        }
    }
}
