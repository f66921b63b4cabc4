package org.aibase.api.jobs;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A job's record as stored: what was submitted, where it is, and how it ended.
 *
 * @param id its id (a UUID), assigned at submission
 * @param plugin the id of the plugin that submitted it
 * @param type the job type, which selects the plugin's handler
 * @param name a label chosen by the plugin
 * @param status its status
 * @param progress 0..1, as last reported by the handler (1 once completed)
 * @param message the message reported with the progress, empty when none
 * @param input the input JSON given at submission
 * @param result the result JSON the handler returned, once completed
 * @param error why it failed or was cancelled
 * @param createdAt when it was submitted
 * @param startedAt when its latest attempt started
 * @param finishedAt when it reached a final status
 * @param attempts how many attempts were started
 * @param node the id of the node running (or that last ran) it
 */
public record Job(String id, String plugin, String type, String name, JobStatus status, double progress,
        String message, String input, Optional<String> result, Optional<String> error, Instant createdAt,
        Optional<Instant> startedAt, Optional<Instant> finishedAt, int attempts, Optional<String> node) {

    /** Creates a record; absent optional values must be {@code Optional.empty()}, never null. */
    public Job {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        name = name == null ? "" : name;
        message = message == null ? "" : message;
        input = input == null ? "null" : input;
        result = Objects.requireNonNullElse(result, Optional.empty());
        error = Objects.requireNonNullElse(error, Optional.empty());
        startedAt = Objects.requireNonNullElse(startedAt, Optional.empty());
        finishedAt = Objects.requireNonNullElse(finishedAt, Optional.empty());
        node = Objects.requireNonNullElse(node, Optional.empty());
    }
}
