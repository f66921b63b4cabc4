package org.aibase.plugin.analytics;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.persistence.StorageException;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;
import org.aibase.plugin.analytics.internal.frame.DatasetException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The analytics plugin's task, for {@code POST /api/v1/plugins/analytics/tasks} and AI agents over MCP:
 * {@code analyze} takes what {@code POST /analyze} takes as JSON ({@code name}, {@code records},
 * optional {@code config}) and answers at once with the durable job that analyses it; an agent that
 * waits with a progress token follows the job to its result.
 */
@Component(service = Plugin.class)
public final class AnalyticsTasks implements Plugin {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AnalysisIntake intake;

    @Activate
    public AnalyticsTasks(@Reference AnalysisIntake intake) {
        this.intake = intake;
    }

    @Override
    public TaskResult execute(TaskRequest request) {
        if (!request.type().equals("analyze")) {
            return TaskResult.failure("unknown_task", "unknown task type '" + request.type() + "' (allowed: analyze)",
                    Severity.LOW);
        }
        try {
            // the dataset travels as the JSON body of POST /analyze would, so both are read by the same reader
            AnalysisIntake.Queued queued = intake.json(MAPPER.writeValueAsBytes(request.config()));
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("name", queued.name());
            answer.put("status", JobStatus.PENDING.id());
            return TaskResult.submitted(queued.jobId(), answer);
        } catch (DatasetException e) {
            return TaskResult.failure(e.code(), e.field() + ": " + e.getMessage(), Severity.LOW);
        } catch (StorageException e) {
            return TaskResult.failure(e.code(), "the dataset cannot be stored: " + e.getMessage(), Severity.MEDIUM);
        } catch (JobException e) {
            return TaskResult.failure(e.code(), "the analysis cannot be queued now: " + e.getMessage(), Severity.MEDIUM);
        } catch (JsonProcessingException e) {
            return TaskResult.failure("invalid_config", "the task's config cannot be written as JSON", Severity.LOW);
        }
    }
}
