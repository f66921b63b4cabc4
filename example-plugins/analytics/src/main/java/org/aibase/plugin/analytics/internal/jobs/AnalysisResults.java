package org.aibase.plugin.analytics.internal.jobs;

import java.util.Optional;

/** The results of analysis jobs, kept in the plugin's own storage by job id. */
public interface AnalysisResults {

    /** Stores the result JSON of a job, replacing any earlier one (a job may run again after a crash). */
    void put(String jobId, String resultJson, Double confidence, String insightsJson);

    /** The result JSON of a job, if stored. */
    Optional<String> get(String jobId);

    /** Deletes a job's results; whether there were any. */
    boolean delete(String jobId);
}
