package ${package};

import java.util.Map;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.jobs.JobHandlerType;
import org.aibase.api.persistence.PersistenceService;
import org.aibase.api.prompt.PromptTemplates;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The durable job {@value #TYPE} (the {@code jobs} permission): one line about the stored notes, rendered
 * from {@code templates/summary.yaml}. The platform runs it on its job threads and keeps its record and
 * result across restarts; it is idempotent, so a run a crash interrupted runs again.
 */
@Component(service = JobHandler.class, configurationPid = "aibase.plugin.${pluginId}")
@JobHandlerType(type = NoteSummaryJob.TYPE, idempotent = true)
public final class NoteSummaryJob implements JobHandler {

    static final String TYPE = "summary";

    private final NoteStore notes;
    private final PromptTemplates templates;
    private final String title;

    @Activate
    public NoteSummaryJob(@Reference PersistenceService persistence, @Reference PromptTemplates templates,
            PluginConfiguration configuration) {
        this.notes = new NoteStore(persistence);
        this.templates = templates;
        this.title = configuration.summary__title();
    }

    @Override
    public String run(JobContext context) {
        context.progress(0.1, "reading the notes");
        NoteSummary summary = NoteSummary.of(notes.texts());
        String line = templates.render("summary", Map.of("title", title, "count", summary.count(), "words", summary.words()));
        return "{\"summary\":\"" + line.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"count\":" + summary.count() + "}";
    }
}
