package org.aibase.api.jobs;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Does the work of one job type: a plugin registers it as a service with the property
 * {@value #TYPE} (see {@link JobHandlerType}), and the platform calls {@link #run} on its job
 * threads, with the plugin's class loader as context class loader, one attempt at a time.
 *
 * <p>Service properties: {@value #TYPE} (required), {@value #IDEMPOTENT} ({@code false} by default:
 * an attempt interrupted by a crash fails; {@code true}: it runs again), {@value #ATTEMPTS} (total
 * attempts when the handler throws, 1 by default) and {@value #BACKOFF} (delay before the first
 * retry, doubled for each further one, e.g. {@code 5s}; 1s by default).
 */
@ConsumerType
public interface JobHandler {

    /** The service property naming the job type this handler runs. */
    String TYPE = "aibase.job.type";
    /** The service property saying whether running an attempt twice is harmless. */
    String IDEMPOTENT = "aibase.job.idempotent";
    /** The service property with the total number of attempts. */
    String ATTEMPTS = "aibase.job.attempts";
    /** The service property with the delay before the first retry. */
    String BACKOFF = "aibase.job.backoff";

    /**
     * Runs one attempt and returns the result as JSON (or {@code null} for none). Throwing fails the
     * attempt; the job is retried while attempts remain.
     */
    String run(JobContext context) throws Exception;
}
