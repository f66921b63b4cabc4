package org.aibase.plugin.analytics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.JobException;
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
import org.aibase.plugin.analytics.internal.web.MultipartUpload;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;

/**
 * How a dataset becomes an analysis job, whoever brings it (the REST resource's three bodies, the
 * {@code analyze} task): read and validated completely under the configured limits, its result known to
 * fit {@code max_result_bytes}, stored, and its analysis queued. Problems are the domain's exceptions
 * ({@link DatasetException} naming the field, {@link StorageException}, {@link JobException}); each
 * caller answers them in its own terms. Configuration {@code aibase.plugin.analytics} applies to the
 * next dataset.
 */
@Component(service = AnalysisIntake.class, configurationPid = "aibase.plugin.analytics")
@Designate(ocd = AnalyticsConfiguration.class)
public final class AnalysisIntake {

    static final int MAX_NAME_LENGTH = 100;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A queued analysis. */
    public record Queued(String jobId, String name) {
    }

    /** The configured limits and defaults, replaced as one on every configuration change. */
    private record Limits(DatasetLimits dataset, long maxBodyBytes, AnalysisSettings defaults) {
        static Limits of(AnalyticsConfiguration c) {
            return new Limits(new DatasetLimits(c.max__dataset__size(), c.max__columns(), c.max__cell__chars(),
                    c.max__result__bytes()), c.max__body__bytes(),
                    new AnalysisSettings(c.analysis__depth(), c.generate__charts(), c.llm__model(), c.temperature(),
                            c.max__data__points()));
        }
    }

    private final AnalysisQueue queue;
    private final DatasetStore store;
    private volatile Limits limits;

    @Activate
    public AnalysisIntake(AnalyticsConfiguration configuration, @Reference AnalysisQueue queue,
            @Reference DatasetStore store) {
        this.queue = queue;
        this.store = store;
        this.limits = Limits.of(configuration);
    }

    @Modified
    void modified(AnalyticsConfiguration configuration) {
        this.limits = Limits.of(configuration);
    }

    /** The most bytes a dataset's body may have ({@code max_body_bytes}). */
    long maxBodyBytes() {
        return limits.maxBodyBytes();
    }

    /** {@code {"name": ..., "records": [...], "config": {...}}}. */
    Queued json(byte[] body) {
        Limits l = limits;
        requireWithin(body, l);
        JsonDatasetReader.Parsed parsed = new JsonDatasetReader(l.dataset()).read(body);
        String name = validName(parsed.name(), "name");
        return accept(name, "application/json", body, parsed.frame(), l.defaults().with(parsed.config()), l.dataset());
    }

    /** A CSV file named by the caller, analysed with the configured defaults. */
    Queued csv(String name, byte[] body) {
        Limits l = limits;
        String valid = validName(name, "name");
        requireWithin(body, l);
        return accept(valid, "text/csv", body, new CsvDatasetReader(l.dataset()).read(body), l.defaults(), l.dataset());
    }

    /** A multipart form: the CSV {@code file}, optional {@code name} (else the file's name) and {@code config} (JSON). */
    Queued upload(String contentType, byte[] body) {
        Limits l = limits;
        requireWithin(body, l);
        MultipartUpload upload = MultipartUpload.parse(contentType, body);
        String given = upload.fields().get("name");
        if (given == null || given.isBlank()) {
            given = upload.fileName() == null ? null : upload.fileName().replaceFirst("\\.csv$", "");
            given = given == null ? null : given.substring(0, Math.min(MAX_NAME_LENGTH, given.length()));
        }
        String name = validName(given, "name");
        AnalysisSettings settings = l.defaults().with(config(upload.fields().get("config")));
        DataFrame frame = new CsvDatasetReader(l.dataset()).read(upload.file());
        return accept(name, "text/csv", upload.file(), frame, settings, l.dataset());
    }

    /** Stores a dataset read whole and queues its analysis, once its result is known to fit {@code max_result_bytes}. */
    private Queued accept(String name, String mediaType, byte[] body, DataFrame frame, AnalysisSettings settings,
            DatasetLimits dataset) {
        ResultBound.require(frame, dataset.maxResultBytes());
        String datasetId = store.put(name, mediaType, body);
        try {
            return new Queued(queue.submit(datasetId, name, settings, dataset), name);
        } catch (JobException e) {
            store.delete(datasetId); // no job will ever read it
            throw e;
        }
    }

    private static void requireWithin(byte[] body, Limits l) {
        if (body.length > l.maxBodyBytes()) {
            throw tooLarge(l.maxBodyBytes());
        }
    }

    static DatasetException tooLarge(long max) {
        return DatasetException.tooLarge("body_too_large", "body",
                "the body is larger than max_body_bytes = " + max + " bytes (allowed: at most " + max + ")");
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
}
