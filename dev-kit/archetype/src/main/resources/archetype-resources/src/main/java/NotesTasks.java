package ${package};

import java.util.Map;

import org.aibase.api.persistence.PersistenceService;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The tasks plugin.yaml declares, run through {@code POST /api/v1/plugins/${pluginId}/tasks} (and MCP as the
 * tool {@code ${pluginId}-count}): {@code count} answers how many notes are stored.
 */
@Component(service = Plugin.class)
public final class NotesTasks implements Plugin {

    private final NoteStore notes;

    @Activate
    public NotesTasks(@Reference PersistenceService persistence) {
        this.notes = new NoteStore(persistence);
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        if (!request.type().equals("count")) {
            return TaskResult.failure("unknown_task", "unknown task type '" + request.type() + "' (allowed: count)", Severity.LOW);
        }
        return TaskResult.ok(Map.of("count", notes.count()));
    }
}
