package org.aibase.api.jobs;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What a {@link JobHandler} gets for one attempt of one job: its input and a way to report progress.
 * Cancellation and timeouts interrupt the handler's thread; a handler that loops checks
 * {@link Thread#isInterrupted()} or {@link #isCancelled()}.
 */
@ProviderType
public interface JobContext {

    /** The job's id. */
    String id();

    /** The job type. */
    String type();

    /** The name given at submission. */
    String name();

    /** The input JSON given at submission. */
    String input();

    /** This attempt's number, from 1. */
    int attempt();

    /** The id of the node running this attempt. */
    String node();

    /**
     * Records progress: a fraction 0..1 (clamped) and a short message, seen by {@code get} and the
     * job's event stream. Ignored once this attempt is no longer the job's current one.
     */
    void progress(double fraction, String message);

    /** Whether the job was cancelled, or this attempt abandoned (timeout, plugin stop). */
    boolean isCancelled();
}
