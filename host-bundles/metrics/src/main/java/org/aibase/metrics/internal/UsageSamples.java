package org.aibase.metrics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.PluginRecord;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;

/**
 * One sampling's reading of each plugin's usage, from where each figure lives: the governor's load
 * (requests, latency, CPU, allocations, work stopped), the effective limits, the storage the
 * persistence service measured and the job counts. The job counts are read once per sampling.
 */
final class UsageSamples {

    /** The statuses sampled as {@code jobs_<status>}: cancelled jobs say nothing about load. */
    private static final List<JobStatus> SAMPLED_JOBS = List.of(JobStatus.PENDING, JobStatus.RUNNING,
            JobStatus.COMPLETED, JobStatus.FAILED);

    private final Governor governor;
    private final PluginLimits limits;
    private final StorageUsage storage;
    private final Map<String, Map<JobStatus, Long>> jobs;

    /**
     * @param storage the storage measurements, or null without the persistence service
     * @param jobs the job counts by plugin, or null without the job service
     */
    UsageSamples(Governor governor, PluginLimits limits, StorageUsage storage, Map<String, Map<JobStatus, Long>> jobs) {
        this.governor = governor;
        this.limits = limits;
        this.storage = storage;
        this.jobs = jobs;
    }

    /** The samples of a plugin with an id; figures a missing service would give are left out. */
    List<Sample> of(String id, PluginRecord record) {
        List<Sample> samples = new ArrayList<>();
        PluginLoad load = governor.load(id);
        RequestFigures requests = load.requests();
        samples.add(new Sample(id, "requests", requests.requests()));
        samples.add(new Sample(id, "errors", requests.serverErrors()));
        samples.add(new Sample(id, "client_errors", requests.clientErrors()));
        samples.add(new Sample(id, "latency_p50_ms", requests.p50Millis()));
        samples.add(new Sample(id, "latency_p95_ms", requests.p95Millis()));
        samples.add(new Sample(id, "latency_p99_ms", requests.p99Millis()));
        samples.add(new Sample(id, "cpu_ms", load.cpuMillis()));
        samples.add(new Sample(id, "allocated_bytes", load.allocatedBytes()));
        samples.add(new Sample(id, "running", load.running()));
        samples.add(new Sample(id, "waits", load.slotWaits()));
        samples.add(new Sample(id, "rejections", load.rejections()));
        samples.add(new Sample(id, "timeouts", load.timeouts()));
        samples.add(new Sample(id, "memory_exceeded", load.memoryExceeded()));
        samples.add(new Sample(id, "runaways", load.runaways()));
        if (storage != null) {
            samples.add(new Sample(id, "storage_bytes", storage.usedBytes(id)));
        }
        if (jobs != null) {
            Map<JobStatus, Long> counts = jobs.getOrDefault(id, Map.of());
            SAMPLED_JOBS.forEach(status -> samples.add(new Sample(id, "jobs_" + status.id(), counts.getOrDefault(status, 0L))));
        }
        record.descriptor().map(limits::effective).ifPresent(effective -> samples.addAll(limits(id, effective)));
        return samples;
    }

    private static List<Sample> limits(String id, ResourceLimits effective) {
        List<Sample> samples = new ArrayList<>();
        effective.timeout().ifPresent(t -> samples.add(new Sample(id, "limit_timeout_ms", t.toMillis())));
        effective.llmTokensPerHour().ifPresent(t -> samples.add(new Sample(id, "limit_llm_tokens_per_hour", t)));
        return samples;
    }
}
