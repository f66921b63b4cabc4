package org.aibase.rest.internal.mcp;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.TaskResult;
import org.aibase.jobs.JobStatistics;
import org.aibase.jobs.JobView;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Follows the durable job a task submitted while an agent waits with a progress token: the job's
 * progress and message as MCP progress notifications, then the job's result (with its id) as the
 * tool's result. The waiting holds no governor slot and no thread: the task itself has returned,
 * and the job is looked at on a timer.
 */
final class JobFollower {

    private static final Duration LOOK = Duration.ofMillis(200);
    /** How long a call follows a job at most; after that it answers with the job id and the job goes on. */
    private static final Duration AT_MOST = Duration.ofMinutes(10);

    private JobFollower() {
    }

    /**
     * Follows the job, if the plugin that answered with its id submitted it: a plugin naming another
     * plugin's job would otherwise hand its caller that plugin's progress and result.
     */
    static Mono<McpSchema.CallToolResult> follow(JobStatistics jobs, String pluginId, TaskResult submitted,
            McpAsyncServerExchange exchange, Object progressToken, McpJsonMapper json) {
        String id = submitted.jobId().orElseThrow();
        double[] reported = { -1 };
        return Flux.interval(Duration.ZERO, LOOK)
                .take(AT_MOST)
                .map(tick -> jobs.job(id).filter(job -> job.plugin().equals(pluginId)))
                .concatMap(job -> {
                    if (job.isEmpty()) {
                        return Mono.just(new Seen(null, true));
                    }
                    Job current = job.get();
                    boolean done = current.status().isFinal();
                    if (current.progress() == reported[0] && !done) {
                        return Mono.just(new Seen(current, false));
                    }
                    reported[0] = current.progress();
                    return exchange.progressNotification(new McpSchema.ProgressNotification(progressToken,
                            current.progress(), 1.0, current.status().id() + (current.message().isEmpty() ? ""
                                    : ": " + current.message())))
                            .onErrorResume(e -> Mono.empty())
                            .thenReturn(new Seen(current, done));
                })
                .takeUntil(Seen::done)
                .last(new Seen(null, false))
                .map(seen -> answer(id, seen, submitted, json));
    }

    private record Seen(Job job, boolean done) {
    }

    private static McpSchema.CallToolResult answer(String id, Seen seen, TaskResult submitted, McpJsonMapper json) {
        Map<String, Object> data = new LinkedHashMap<>(submitted.data());
        data.put("job_id", id);
        data.put("job_resource", JobResources.uri(id));
        if (seen.job() == null) {
            return seen.done() ? McpEndpoint.failure("job_not_found", "Job " + id + " is not a job of this plugin, "
                    + "or no longer there")
                    : McpEndpoint.success(data, json);
        }
        Job job = seen.job();
        data.put("status", job.status().id());
        if (job.status() == JobStatus.FAILED || job.status() == JobStatus.CANCELLED) {
            return McpEndpoint.failure("job_" + job.status().id(), "Job " + id + " " + job.status().id()
                    + job.error().map(e -> ": " + e).orElse(""));
        }
        job.result().ifPresent(result -> data.put("result", JobView.tree(result)));
        return McpEndpoint.success(data, json);
    }
}
