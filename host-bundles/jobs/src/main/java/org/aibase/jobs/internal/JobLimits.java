package org.aibase.jobs.internal;

import java.time.Duration;

import org.aibase.api.plugin.ResourceLimits;

/** A plugin's job limits: concurrent jobs on this node and the timeout of one attempt. */
record JobLimits(int concurrency, Duration timeout) {

    /** From effective limits (every value present); defensive defaults if one is not. */
    static JobLimits of(ResourceLimits effective) {
        return new JobLimits(Math.max(1, effective.jobs().orElse(1)),
                effective.jobTimeout().orElse(Duration.ofMinutes(10)));
    }
}
