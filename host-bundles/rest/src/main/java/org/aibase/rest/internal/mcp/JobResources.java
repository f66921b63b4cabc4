package org.aibase.rest.internal.mcp;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.aibase.api.jobs.Job;
import org.aibase.api.plugin.CallerRole;
import org.aibase.jobs.JobStatistics;
import org.aibase.jobs.JobView;

import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpAsyncServerExchange;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import reactor.core.publisher.Mono;

/**
 * {@value #TEMPLATE}: a durable job a tool call started, with its status, progress and result. A user
 * key reads the jobs submitted on its behalf (by it, or by a browser session signed in with it); an
 * admin key reads every job. Someone else's job is "not found", as a job that does not exist, so an
 * id reveals nothing.
 */
final class JobResources {

    static final String PREFIX = "aibase://jobs/";
    static final String TEMPLATE = PREFIX + "{id}";

    private JobResources() {
    }

    /** The template's specification on the server of {@code role}; {@code jobs} is read at each call (it may come and go). */
    static McpServerFeatures.AsyncResourceTemplateSpecification template(CallerRole role, Supplier<JobStatistics> jobs,
            McpJsonMapper json) {
        McpSchema.ResourceTemplate template = McpSchema.ResourceTemplate.builder(TEMPLATE, "job").title("A job")
                .description("A durable job a tool started (its id is the tool result's job_id): status, progress, "
                        + "result. " + (role == CallerRole.ADMIN ? "Every job." : "Only the jobs your key started."))
                .mimeType("application/json").build();
        return new McpServerFeatures.AsyncResourceTemplateSpecification(template,
                (exchange, request) -> Mono.fromCallable(() -> read(role, jobs.get(), exchange, request.uri(), json)));
    }

    /** The resource's URI of a job. */
    static String uri(String jobId) {
        return PREFIX + jobId;
    }

    private static McpSchema.ReadResourceResult read(CallerRole role, JobStatistics jobs, McpAsyncServerExchange exchange,
            String uri, McpJsonMapper json) throws IOException {
        String id = uri.substring(PREFIX.length());
        if (jobs == null) {
            throw McpError.builder(McpSchema.ErrorCodes.INTERNAL_ERROR).message("The job platform is not running").build();
        }
        Optional<Job> job = role == CallerRole.ADMIN ? jobs.job(id)
                : McpEndpoint.requester(exchange).flatMap(requester -> jobs.jobSubmittedBy(id, requester));
        if (job.isEmpty()) {
            throw McpError.RESOURCE_NOT_FOUND.apply(uri);
        }
        return new McpSchema.ReadResourceResult(List.of(new McpSchema.TextResourceContents(uri, "application/json",
                json.writeValueAsString(JobView.of(job.get(), true)))));
    }
}
