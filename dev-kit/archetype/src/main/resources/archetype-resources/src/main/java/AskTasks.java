package ${package};

import org.aibase.api.http.HttpError;
import org.aibase.api.llm.LlmService;
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
 * tool {@code ${pluginId}-ask}): {@code ask} with {@code {"question": "..."}}.
 */
@Component(service = Plugin.class, configurationPid = "aibase.plugin.${pluginId}")
public final class AskTasks implements Plugin {

    private final LlmService llm;
    private final PromptTemplates templates;
    private volatile Advisor advisor;

    @Activate
    public AskTasks(@Reference LlmService llm, @Reference PromptTemplates templates, PluginConfiguration configuration) {
        this.llm = llm;
        this.templates = templates;
        this.advisor = new Advisor(llm, templates, configuration);
    }

    @Modified
    void modified(PluginConfiguration configuration) {
        this.advisor = new Advisor(llm, templates, configuration);
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        if (!request.type().equals("ask")) {
            return TaskResult.failure("unknown_task", "unknown task type '" + request.type() + "' (allowed: ask)", Severity.LOW);
        }
        try {
            return TaskResult.ok(advisor.answer(request.config().get("question") instanceof String q ? q : null));
        } catch (HttpError e) {
            return TaskResult.failure(e.code(), e.getMessage(), e.status() >= 500 ? Severity.MEDIUM : Severity.LOW);
        }
    }
}
