package org.aibase.api.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of a task (the PRSM {@code TaskResponse}).
 *
 * @param success whether the task did what it was asked
 * @param data the result, JSON-shaped; empty on failure
 * @param error a message for people when it failed
 * @param errorCode a stable code for programs when it failed, e.g. {@code timeout}, {@code unknown_task}
 * @param severity how serious the failure is; empty on success
 * @param jobId the durable job the task submitted, for tasks whose work goes on as a job; the platform
 *        then reports its progress (MCP progress notifications) and result to whoever waits for it
 */
public record TaskResult(boolean success, Map<String, Object> data, Optional<String> error,
        Optional<String> errorCode, Optional<Severity> severity, Optional<String> jobId) {

    /** Creates a result; the data is copied, in its order, keeping {@code null} values (JSON allows them). */
    public TaskResult {
        data = data == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(errorCode, "errorCode");
        Objects.requireNonNull(severity, "severity");
        jobId = jobId == null ? Optional.empty() : jobId;
    }

    /** A result without a job. */
    public TaskResult(boolean success, Map<String, Object> data, Optional<String> error, Optional<String> errorCode,
            Optional<Severity> severity) {
        this(success, data, error, errorCode, severity, Optional.empty());
    }

    /** A task that submitted a durable job: its id, and what the task itself answers (e.g. the job's name). */
    public static TaskResult submitted(String jobId, Map<String, Object> data) {
        return new TaskResult(true, data, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(Objects.requireNonNull(jobId, "jobId")));
    }

    /** A successful result with the given data. */
    public static TaskResult ok(Map<String, Object> data) {
        return new TaskResult(true, data, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** A failed result. */
    public static TaskResult failure(String errorCode, String error, Severity severity) {
        return new TaskResult(false, Map.of(), Optional.of(error), Optional.of(errorCode), Optional.of(severity));
    }
}
