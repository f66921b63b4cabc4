package org.aibase.plugin.analytics.internal.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.plugin.analytics.internal.AnalysisSettings;

/**
 * The analyses as background jobs: to be bound to the platform's JobService (job state, progress)
 * and the plugin's result entity (PersistenceService) once they are available. The REST resource
 * and the web page only talk to this interface.
 */
public interface AnalysisQueue {

    /** A job as the API shows it; {@code result} only when completed, {@code error} only when failed. */
    record JobView(String jobId, String name, String status, int progress, Instant createdAt, Instant startedAt,
            Instant finishedAt, String error, Map<String, Object> result) {
    }

    /** Counts over all jobs. */
    record Totals(long total, long completed, long failed, long pending, long running) {
    }

    /** Queues the analysis of a stored dataset; answers the pending job. */
    JobView submit(String datasetId, String name, AnalysisSettings settings);

    /** A job with its result when completed. */
    Optional<JobView> job(String jobId);

    /** A page of jobs, newest first, without results. */
    List<JobView> jobs(int skip, int limit);

    /** Job counts by status. */
    Totals totals();

    /** Deletes a job, its result and its dataset; whether there was one. */
    boolean delete(String jobId);
}
