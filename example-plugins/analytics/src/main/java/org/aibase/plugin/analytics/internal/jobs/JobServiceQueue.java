package org.aibase.plugin.analytics.internal.jobs;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobException;
import org.aibase.api.jobs.JobQuery;
import org.aibase.api.jobs.JobService;
import org.aibase.api.jobs.JobStatus;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The analyses as jobs of the platform's {@link JobService} (type {@value AnalyzeJobHandler#TYPE}):
 * the job service holds their state, progress, errors and counts; results come from
 * {@link AnalysisResults}; a job's input names its stored dataset.
 */
@Component(service = AnalysisQueue.class)
public final class JobServiceQueue implements AnalysisQueue {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final JobService jobs;
    private final DatasetStore datasets;
    private final AnalysisResults results;

    @Activate
    public JobServiceQueue(@Reference JobService jobs, @Reference DatasetStore datasets, @Reference AnalysisResults results) {
        this.jobs = jobs;
        this.datasets = datasets;
        this.results = results;
    }

    @Override
    public String submit(String datasetId, String name, AnalysisSettings settings, DatasetLimits limits) {
        return jobs.submit(AnalyzeJobHandler.TYPE, name, new AnalysisInput(datasetId, settings, limits).toJson());
    }

    @Override
    public Optional<JobView> job(String jobId) {
        return analysis(jobId).map(j -> view(j, j.status() == JobStatus.COMPLETED ? result(jobId) : null));
    }

    @Override
    public Page jobs(int skip, int limit) {
        var page = jobs.list(JobQuery.ALL.withType(AnalyzeJobHandler.TYPE).page(skip, limit));
        return new Page(page.items().stream().map(j -> view(j, null)).toList(), page.total());
    }

    @Override
    public Totals totals() {
        Map<JobStatus, Long> counts = jobs.counts();
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        return new Totals(total, count(counts, JobStatus.COMPLETED), count(counts, JobStatus.FAILED),
                count(counts, JobStatus.PENDING), count(counts, JobStatus.RUNNING), count(counts, JobStatus.CANCELLED));
    }

    @Override
    public boolean delete(String jobId) {
        Optional<Job> found = analysis(jobId);
        if (found.isEmpty()) {
            return false;
        }
        Job job = found.get();
        if (!job.status().isFinal()) {
            try {
                jobs.cancel(jobId);
            } catch (JobException e) {
                if (!e.code().equals(JobException.CONFLICT)) { // conflict: it finished meanwhile
                    throw e;
                }
            }
        }
        try {
            jobs.delete(jobId);
        } catch (JobException e) {
            if (!e.code().equals(JobException.NOT_FOUND)) { // not found: deleted by another request meanwhile
                throw e;
            }
        }
        results.delete(jobId);
        String datasetId = AnalysisInput.datasetIdOf(job.input());
        if (datasetId != null) {
            datasets.delete(datasetId);
        }
        return true;
    }

    private Optional<Job> analysis(String jobId) {
        return jobs.get(jobId).filter(j -> j.type().equals(AnalyzeJobHandler.TYPE));
    }

    private Map<String, Object> result(String jobId) {
        return results.get(jobId).map(json -> {
            try {
                return MAPPER.readValue(json, OBJECT);
            } catch (IOException e) {
                throw new IllegalStateException("the stored result of job " + jobId + " is not JSON", e);
            }
        }).orElse(null);
    }

    private static long count(Map<JobStatus, Long> counts, JobStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    private static JobView view(Job j, Map<String, Object> result) {
        return new JobView(j.id(), j.name(), j.status().id(), (int) Math.round(100 * j.progress()), j.message(),
                j.createdAt(), j.startedAt().orElse(null), j.finishedAt().orElse(null), j.error().orElse(null), result);
    }
}
