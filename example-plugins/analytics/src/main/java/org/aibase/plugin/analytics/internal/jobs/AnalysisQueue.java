package org.aibase.plugin.analytics.internal.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;

/**
 * The analyses as background jobs: job state and progress in the platform's job service, results in
 * the plugin's own storage ({@link AnalysisResults}). The REST resource and the web page only talk to
 * this interface.
 */
public interface AnalysisQueue {

    /** A job as the API shows it; {@code result} only when completed, {@code error} only when failed or cancelled. */
    record JobView(String jobId, String name, String status, int progress, String message, Instant createdAt,
            Instant startedAt, Instant finishedAt, String error, Map<String, Object> result) {
    }

    /** One page of jobs, newest first, with the count of all jobs. */
    record Page(List<JobView> jobs, long total) {
    }

    /** Counts over all jobs. */
    record Totals(long total, long completed, long failed, long pending, long running, long cancelled) {
    }

    /** Queues the analysis of a stored dataset (read again under {@code limits}); answers the new job's id. */
    String submit(String datasetId, String name, AnalysisSettings settings, DatasetLimits limits);

    /** A job with its result when completed. */
    Optional<JobView> job(String jobId);

    /** A page of jobs, newest first, without results. */
    Page jobs(int skip, int limit);

    /** Job counts by status. */
    Totals totals();

    /** Deletes a job (cancelling it first when unfinished), its result and its dataset; whether there was one. */
    boolean delete(String jobId);
}
