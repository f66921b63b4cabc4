package org.aibase.plugin.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.export.ExportException;
import org.aibase.api.export.ExportFormat;
import org.aibase.api.export.TabularExport;
import org.aibase.api.http.HttpError;
import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobStatus;
import org.aibase.api.persistence.StorageException;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.CsvDatasetReader;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetException;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.frame.JsonDatasetReader;
import org.aibase.plugin.analytics.internal.jobs.AnalysisQueue;
import org.aibase.plugin.analytics.internal.jobs.DatasetStore;
import org.aibase.plugin.analytics.internal.stats.ResultBound;
import org.aibase.plugin.analytics.internal.web.ApiError;
import org.aibase.plugin.analytics.internal.web.MultipartUpload;
import org.aibase.plugin.analytics.internal.web.ResultTables;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * {@code /api/v1/analytics}: {@code POST /analyze} (a JSON body, a {@code text/csv} body with
 * {@code ?name=}, or a multipart CSV upload) validates the dataset completely, stores it and
 * queues its analysis; {@code GET /jobs}, {@code GET /jobs/{id}}, {@code DELETE /jobs/{id}} and
 * {@code GET /stats} show the jobs; {@code GET /jobs/{id}/export?format=csv|json|xlsx} writes a
 * completed result as a file through the platform's {@link TabularExport}. Configuration {@code aibase.plugin.analytics} applies to the
 * next request.
 */
@Component(service = AnalyticsResource.class, configurationPid = "aibase.plugin.analytics")
@Designate(ocd = AnalyticsConfiguration.class)
@PluginEndpoint("analytics")
@Path("")
public final class AnalyticsResource {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_PAGE = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final AnalysisQueue queue;
    private final DatasetStore store;
    private final TabularExport export;
    private volatile Limits limits;

    /** The configured limits and defaults, replaced as one on every configuration change. */
    private record Limits(DatasetLimits dataset, long maxBodyBytes, AnalysisSettings defaults) {
        static Limits of(AnalyticsConfiguration c) {
            return new Limits(new DatasetLimits(c.max__dataset__size(), c.max__columns(), c.max__cell__chars(),
                    c.max__result__bytes()), c.max__body__bytes(),
                    new AnalysisSettings(c.analysis__depth(), c.generate__charts(), c.llm__model(), c.temperature(),
                            c.max__data__points()));
        }
    }

    @Activate
    public AnalyticsResource(AnalyticsConfiguration configuration, @Reference AnalysisQueue queue,
            @Reference DatasetStore store, @Reference TabularExport export) {
        this.queue = queue;
        this.store = store;
        this.export = export;
        this.limits = Limits.of(configuration);
    }

    @Modified
    void modified(AnalyticsConfiguration configuration) {
        this.limits = Limits.of(configuration);
    }

    @POST
    @Path("analyze")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeJson(InputStream body) {
        Limits l = limits;
        try {
            byte[] bytes = read(body, l.maxBodyBytes());
            JsonDatasetReader.Parsed parsed = new JsonDatasetReader(l.dataset()).read(bytes);
            String name = validName(parsed.name(), "name");
            AnalysisSettings settings = l.defaults().with(parsed.config());
            return accept(name, MediaType.APPLICATION_JSON, bytes, parsed.frame(), settings, l.dataset());
        } catch (DatasetException e) {
            throw ApiError.of(e);
        }
    }

    @POST
    @Path("analyze")
    @Consumes("text/csv")
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeCsv(@QueryParam("name") String name, InputStream body) {
        Limits l = limits;
        try {
            String valid = validName(name, "name");
            byte[] bytes = read(body, l.maxBodyBytes());
            DataFrame frame = new CsvDatasetReader(l.dataset()).read(bytes);
            return accept(valid, "text/csv", bytes, frame, l.defaults(), l.dataset());
        } catch (DatasetException e) {
            throw ApiError.of(e);
        }
    }

    @POST
    @Path("analyze")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response analyzeUpload(@HeaderParam("Content-Type") String contentType, InputStream body) {
        Limits l = limits;
        try {
            MultipartUpload upload = MultipartUpload.parse(contentType, read(body, l.maxBodyBytes()));
            String given = upload.fields().get("name");
            if (given == null || given.isBlank()) {
                given = upload.fileName() == null ? null : upload.fileName().replaceFirst("\\.csv$", "");
                given = given == null ? null : given.substring(0, Math.min(MAX_NAME_LENGTH, given.length()));
            }
            String name = validName(given, "name");
            AnalysisSettings settings = l.defaults().with(config(upload.fields().get("config")));
            DataFrame frame = new CsvDatasetReader(l.dataset()).read(upload.file());
            return accept(name, "text/csv", upload.file(), frame, settings, l.dataset());
        } catch (DatasetException e) {
            throw ApiError.of(e);
        }
    }

    /** Stores a dataset read whole and queues its analysis, once its result is known to fit {@code max_result_bytes}. */
    private Response accept(String name, String mediaType, byte[] body, DataFrame frame, AnalysisSettings settings,
            DatasetLimits dataset) {
        ResultBound.require(frame, dataset.maxResultBytes());
        String datasetId;
        try {
            datasetId = store.put(name, mediaType, body);
        } catch (StorageException e) {
            throw storageProblem(e);
        }
        String jobId;
        try {
            jobId = queue.submit(datasetId, name, settings, dataset);
        } catch (JobException e) {
            store.delete(datasetId); // no job will ever read it
            throw jobProblem(e);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("job_id", jobId);
        // what was accepted: a job engine with a free slot may already be running it (GET tells)
        answer.put("status", JobStatus.PENDING.id());
        answer.put("name", name);
        answer.put("message", "analysis queued: GET /api/v1/analytics/jobs/" + jobId + " for its status and results");
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
                throw DatasetException.tooLarge("body_too_large", "body",
                        "the body is larger than max_body_bytes = " + max + " bytes (allowed: at most " + max + ")");
            }
            return bytes;
        } catch (IOException e) {
            throw DatasetException.invalid("unreadable_body", "body", "the body could not be read: " + e.getMessage());
        }
    }

    static String validName(String name, String field) {
        if (name == null || name.isBlank()) {
            throw DatasetException.invalid("invalid_name", field, field + " is required: a string of 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String stripped = name.strip();
        if (stripped.codePointCount(0, stripped.length()) > MAX_NAME_LENGTH) {
            throw DatasetException.invalid("invalid_name", field, field + " must be 1 to " + MAX_NAME_LENGTH
                    + " characters, got " + stripped.codePointCount(0, stripped.length()));
        }
        return stripped;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(String json) {
        if (json == null || json.isBlank()) {
            return Map.of();
        }
        try {
            Object value = MAPPER.readValue(json.getBytes(StandardCharsets.UTF_8), Object.class);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
        } catch (IOException e) {
            // falls through to the same answer as a non-object
        }
        throw DatasetException.invalid("invalid_config", "config", "config must be a JSON object");
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
