package org.aibase.api.jobs;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where a job is in its life; the id is the lower-case name used in JSON and filters. */
public enum JobStatus {
    /** Waiting for a free slot (or a retry's backoff) on a node that has its handler. */
    PENDING,
    /** Executing on a node. */
    RUNNING,
    /** Its handler returned; the result is recorded. */
    COMPLETED,
    /** Its last attempt failed, timed out or was interrupted by a restart; the error says which. */
    FAILED,
    /** Cancelled before it finished. */
    CANCELLED;

    /** The lower-case id, e.g. {@code pending}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the job will not change any more. */
    public boolean isFinal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    /** The status with this id, or empty when the text is not one. */
    public static Optional<JobStatus> fromId(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id)).findFirst();
    }
}
