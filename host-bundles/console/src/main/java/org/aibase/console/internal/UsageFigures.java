package org.aibase.console.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.PluginLoad;

/**
 * What a plugin used, read where each figure lives.
 *
 * @param load the governor's accounting of its work, its HTTP requests included
 * @param limits its effective limits; empty without a readable descriptor
 * @param storageBytes the bytes of its tables and files at the last measurement; empty without the persistence service
 * @param jobs its jobs by status; empty without the job service
 */
record UsageFigures(PluginLoad load, Optional<ResourceLimits> limits, OptionalLong storageBytes,
        Optional<Map<JobStatus, Long>> jobs) {

    UsageFigures {
        Objects.requireNonNull(load, "load");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(storageBytes, "storageBytes");
        jobs = jobs.map(counts -> Collections.unmodifiableMap(new LinkedHashMap<>(counts))); // keeps the store's order
    }

    /** Its jobs in a status; zero without the job service. */
    long jobs(JobStatus status) {
        return jobs.map(counts -> counts.getOrDefault(status, 0L)).orElse(0L);
    }
}
