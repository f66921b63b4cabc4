package org.aibase.plugin.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.aibase.api.export.ExportException;
import org.aibase.api.export.ExportFormat;
import org.aibase.api.export.TabularExport;
import org.aibase.api.http.HttpError;
import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.persistence.StorageException;
import org.aibase.plugin.analytics.internal.frame.DatasetException;
import org.aibase.plugin.analytics.internal.jobs.AnalysisQueue;
import org.aibase.plugin.analytics.internal.web.ApiError;
import org.aibase.plugin.analytics.internal.web.ResultTables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/v1/analytics}: {@code POST /analyze} (a JSON body, a {@code text/csv} body with
 * {@code ?name=}, or a multipart CSV upload) validates the dataset completely, stores it and
 * queues its analysis; {@code GET /jobs}, {@code GET /jobs/{id}}, {@code DELETE /jobs/{id}} and
 * {@code GET /stats} show the jobs; {@code GET /jobs/{id}/export?format=csv|json|xlsx} writes a
 * completed result as a file through the platform's {@link TabularExport}. Configuration {@code aibase.plugin.analytics} applies to the
 * next request.
 */
@Component(service = AnalyticsResource.class)
@PluginEndpoint("analytics")
@Path("")
public final class AnalyticsResource {

    static final int MAX_PAGE = 100;

    private final AnalysisIntake intake;
    private final AnalysisQueue queue;
    private final TabularExport export;

    @Activate
    public AnalyticsResource(@Reference AnalysisIntake intake, @Reference AnalysisQueue queue,
            @Reference TabularExport export) {
        this.intake = intake;
        this.queue = queue;
        this.export = export;
    }

    @POST
    @Path("analyze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeJson(InputStream body) {
        return queued(() -> intake.json(read(body, intake.maxBodyBytes())));
    }

    @POST
    @Path("analyze")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeCsv(@QueryParam("name") String name, InputStream body) {
        return queued(() -> {
            AnalysisIntake.validName(name, "name"); // before the body is read
            return intake.csv(name, read(body, intake.maxBodyBytes()));
        });
    }

    @POST
    @Path("analyze")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeUpload(@HeaderParam("Content-Type") String contentType, InputStream body) {
        return queued(() -> intake.upload(contentType, read(body, intake.maxBodyBytes())));
    }

    /** 202 with the queued job, or the intake's problem in the platform's error shape. */
    private static Response queued(java.util.function.Supplier<AnalysisIntake.Queued> intake) {
        AnalysisIntake.Queued queued;
        try {
            queued = intake.get();
        } catch (DatasetException e) {
            throw ApiError.of(e);
        } catch (StorageException e) {
            throw storageProblem(e);
        } catch (JobException e) {
            throw jobProblem(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("job_id", queued.jobId());
        // what was accepted: a job engine with a free slot may already be running it (GET tells)
        answer.put("status", JobStatus.PENDING.id());
        answer.put("name", queued.name());
        answer.put("message", "analysis queued: GET /api/v1/analytics/jobs/" + queued.jobId() + " for its status and results");
        return Response.accepted(answer).type(MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("jobs")
    @Produces(MediaType.APPLICATION_JSON)
    public Response jobs(@QueryParam("skip") String skip, @QueryParam("limit") String limit) {
        Integer from = whole(skip, 0, 0, Integer.MAX_VALUE);
        Integer size = whole(limit, 20, 1, MAX_PAGE);
        if (from == null) {
            throw ApiError.of(422, "invalid_parameter", "skip", "skip must be a whole number of at least 0, got " + skip);
        }
        if (size == null) {
            throw ApiError.of(422, "invalid_parameter", "limit", "limit must be a whole number from 1 to " + MAX_PAGE + ", got " + limit);
        }
        AnalysisQueue.Page page;
        try {
            page = queue.jobs(from, size);
        } catch (JobException e) {
            throw jobProblem(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("jobs", page.jobs().stream().map(j -> view(j, false)).toList());
        answer.put("total", page.total());
        answer.put("skip", from);
        answer.put("limit", size);
        return Response.ok(answer).build();
    }

    @GET
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response job(@PathParam("id") String id) {
        try {
            return queue.job(id).map(j -> Response.ok(view(j, true)).build())
                    .orElseThrow(() -> ApiError.of(404, "job_not_found", "id", "no analysis job " + id));
        } catch (JobException e) {
            throw jobProblem(e);
        }
    }

    /**
     * A completed result as a file ({@code analysis-<id>.csv|json|xlsx}): summary, numeric and
     * categorical statistics, data quality. 400 for a bad format, 404 for an unknown job, 409 while
     * the job has no result.
     */
    @GET
    @Path("jobs/{id}/export")
    public Response exportResult(@PathParam("id") String id, @QueryParam("format") String format) {
        Optional<ExportFormat> parsed = ExportFormat.fromId(format);
        if (parsed.isEmpty()) {
            throw ApiError.of(400, "invalid_format", "format", (format == null ? "format is required" : "format '" + format
                    + "' is not supported") + " (allowed: csv, json, xlsx)");
        }
        AnalysisQueue.JobView job;
        try {
            Optional<AnalysisQueue.JobView> found = queue.job(id);
            if (found.isEmpty()) {
                throw ApiError.of(404, "job_not_found", "id", "no analysis job " + id);
            }
            job = found.get();
        } catch (JobException e) {
            throw jobProblem(e);
        }
        if (job.result() == null) {
            throw ApiError.of(409, "no_result", "id", "analysis job " + id + " is " + job.status()
                    + " and has no result to export (only completed jobs have one)");
        }
        ExportFormat f = parsed.get();
        try {
            byte[] bytes = export.export(f, ResultTables.of(job.result()));
            return Response.ok(bytes, f.mediaType())
                    .header("Content-Disposition", "attachment; filename=\"analysis-" + id + "." + f.extension() + "\"")
                    .header("Cache-Control", "no-store").build();
        } catch (ExportException e) {
            throw ApiError.of(422, e.code(), "id", "the result of job " + id + " cannot be exported: " + e.getMessage());
        }
    }

    @DELETE
    @RolesAllowed("admin") // removes what every user of the plugin shares
    @Path("jobs/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response delete(@PathParam("id") String id) {
        try {
            if (!queue.delete(id)) {
                throw ApiError.of(404, "job_not_found", "id", "no analysis job " + id);
            }
            return Response.noContent().build();
        } catch (JobException e) {
            throw jobProblem(e);
        }
    }

    @GET
    @Path("stats")
    @Produces(MediaType.APPLICATION_JSON)
    public Response stats() {
        AnalysisQueue.Totals t;
        try {
            t = queue.totals();
        } catch (JobException e) {
            throw jobProblem(e);
        }
        long finished = t.completed() + t.failed();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_jobs", t.total());
        answer.put("completed_jobs", t.completed());
        answer.put("failed_jobs", t.failed());
        answer.put("pending_jobs", t.pending());
        answer.put("running_jobs", t.running());
        answer.put("cancelled_jobs", t.cancelled());
        answer.put("success_rate", finished == 0 ? 0.0 : Math.round(1000.0 * t.completed() / finished) / 1000.0);
        return Response.ok(answer).build();
    }

    private static Map<String, Object> view(AnalysisQueue.JobView j, boolean withResult) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("job_id", j.jobId());
        m.put("name", j.name());
        m.put("status", j.status());
        m.put("progress", j.progress());
        m.put("message", j.message());
        m.put("created_at", j.createdAt() == null ? null : j.createdAt().toString());
        m.put("started_at", j.startedAt() == null ? null : j.startedAt().toString());
        m.put("completed_at", j.finishedAt() == null ? null : j.finishedAt().toString());
        m.put("error", j.error());
        if (withResult && j.result() != null) {
            m.put("results", j.result());
        }
        return m;
    }

    /** 503 while the job service cannot take or show jobs (database down, handler not yet registered). */
    private static HttpError jobProblem(JobException e) {
        return switch (e.code()) {
            case JobException.NOT_FOUND -> ApiError.of(404, "job_not_found", "id", e.getMessage());
            case JobException.CONFLICT -> ApiError.of(409, e.code(), "id", e.getMessage());
            default -> ApiError.of(503, e.code(), "job", "the job service cannot do this now: " + e.getMessage());
        };
    }

    /** 507 when the plugin's {@code limits.storage} is used up, 503 when the database cannot be reached. */
    private static HttpError storageProblem(StorageException e) {
        if (e.code().equals(StorageException.QUOTA_EXCEEDED)) {
            return ApiError.of(507, e.code(), "body", "the dataset cannot be stored: " + e.getMessage()
                    + " (delete finished jobs to free space, or raise limits.storage)");
        }
        return ApiError.of(503, e.code(), "body", "the dataset cannot be stored now: " + e.getMessage());
    }

    /** The body, refused past {@code max} bytes without reading further. */
    static byte[] read(InputStream body, long max) {
        try {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (bytes.length > max) {
                throw AnalysisIntake.tooLarge(max);
            }
            return bytes;
        } catch (IOException e) {
            throw DatasetException.invalid("unreadable_body", "body", "the body could not be read: " + e.getMessage());
        }
    }

    private static Integer whole(String text, int fallback, int min, int max) {
        if (text == null || text.isEmpty()) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(text);
            return v >= min && v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
