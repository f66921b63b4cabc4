package org.aibase.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobStatus;

/** The platform's jobs at a glance, across all plugins and nodes (read from the job store). */
public interface JobStatistics {

    /** How many jobs each plugin has in each status (plugins without jobs are absent; every status present). */
    Map<String, Map<JobStatus, Long>> countsByPlugin();

    /** The latest failed jobs, newest first, without input and result. */
    List<Job> latestFailures(int limit);

    /** This node's stable id. */
    String nodeId();

    /** How many attempts run on this node now. */
    int runningHere();

    /** One job with its status, progress and result, whichever plugin submitted it; empty when there is none. */
    Optional<Job> job(String id);

    /**
     * One job, if it was submitted on behalf of {@code requester} (see {@code org.aibase.sandbox.Requester}):
     * empty when there is none or it is someone else's.
     */
    Optional<Job> jobSubmittedBy(String id, String requester);
}
