package org.aibase.api.jobs;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The calling plugin's durable jobs (granted by the {@code jobs} permission). Every method sees only
 * the plugin's own jobs. Records survive restarts; see {@link JobHandler} for how they run.
 */
@ProviderType
public interface JobService {

    /** The largest input JSON, in UTF-8 bytes (1 MB); larger data is stored by the plugin and referenced. */
    int MAX_INPUT_BYTES = 1 << 20;

    /**
     * Stores a new pending job and returns its id at once; it runs when a slot of the plugin's
     * {@code limits.jobs} is free, in submission order.
     *
     * @param type a job type for which the plugin registered a {@link JobHandler}
     * @param name a label (up to 200 characters)
     * @param inputJson the input as JSON (at most {@link #MAX_INPUT_BYTES}); {@code null} for none
     * @throws JobException {@code input_too_large}, {@code invalid} or {@code unknown_type}
     */
    String submit(String type, String name, String inputJson);

    /** The job with this id, if it is one of the plugin's. */
    Optional<Job> get(String id);

    /** A page of the plugin's jobs matching the query, newest first, with the total count. */
    JobPage list(JobQuery query);

    /**
     * Cancels a pending or running job (a running one's thread is interrupted).
     *
     * @return the job as it is now
     * @throws JobException {@code not_found}, or {@code conflict} when it already finished
     */
    Job cancel(String id);

    /**
     * Deletes a finished job's record.
     *
     * @throws JobException {@code not_found}, or {@code conflict} when it is pending or running (cancel it first)
     */
    void delete(String id);

    /** How many of the plugin's jobs are in each status (every status present, 0 when none). */
    Map<JobStatus, Long> counts();
}
