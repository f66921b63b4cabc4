package org.aibase.plugin.analytics.internal.jobs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.JobContext;
import org.aibase.api.jobs.JobHandler;
import org.aibase.api.jobs.JobHandlerType;
import org.aibase.plugin.analytics.internal.AnalysisEngine;
import org.aibase.plugin.analytics.internal.frame.DatasetException;
import org.aibase.plugin.analytics.internal.stats.JsonBytes;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Runs {@code analyze} jobs: reads the stored dataset named by the input, analyses it with progress
 * through the job's context, and stores the result. Idempotent: the result is recomputed from the
 * stored dataset and replaces what an interrupted attempt may have stored, so a job interrupted by a
 * crash simply runs again.
 */
@Component(service = JobHandler.class)
@JobHandlerType(type = AnalyzeJobHandler.TYPE, idempotent = true)
public final class AnalyzeJobHandler implements JobHandler {

    /** The job type of an analysis. */
    public static final String TYPE = "analyze";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** The analysis proper takes 5..90 % of the progress; loading before, storing after. */
    private static final double ANALYSIS_SHARE = 0.85;

    private final DatasetStore datasets;
    private final AnalysisResults results;
    private final AnalysisEngine.Insights insights;

    @Activate
    public AnalyzeJobHandler(@Reference DatasetStore datasets, @Reference AnalysisResults results,
            @Reference AnalysisEngine.Insights insights) {
        this.datasets = datasets;
        this.results = results;
        this.insights = insights;
    }

    @Override
    public String run(JobContext job) throws Exception {
        AnalysisInput input = AnalysisInput.parse(job.input());
        job.progress(0.01, "loading the dataset");
        DatasetStore.StoredDataset dataset = datasets.get(input.datasetId()).orElseThrow(() ->
                new IllegalStateException("the dataset " + input.datasetId() + " of this job is no longer stored"));
        Map<String, Object> result = new AnalysisJob(new AnalysisEngine(insights), input.limits())
                .run(dataset, input.settings(), (percent, step) -> {
                    stopIfCancelled(job);
                    job.progress(0.05 + ANALYSIS_SHARE * percent / 100.0, step);
                });
        stopIfCancelled(job);
        job.progress(0.95, "storing the result");
        Object insightsPart = result.get("insights");
        String json = MAPPER.writeValueAsString(result);
        long bytes = JsonBytes.utf8(json);
        if (bytes > input.limits().maxResultBytes()) {
            // the bound checked at ingest leaves the LLM's insights out: a result that still outgrows the cap is not kept
            throw DatasetException.tooLarge("result_too_large", "result", "the analysis result takes " + bytes
                    + " bytes, more than max_result_bytes = " + input.limits().maxResultBytes() + " (allowed: at most "
                    + input.limits().maxResultBytes() + ")");
        }
        results.put(job.id(), json, confidence(insightsPart),
                insightsPart == null ? null : MAPPER.writeValueAsString(insightsPart));
        if (job.isCancelled()) {
            // cancelled (and perhaps deleted) while the result was written: leave nothing behind
            results.delete(job.id());
            throw new InterruptedException("cancelled");
        }
        return summary(result);
    }

    private static void stopIfCancelled(JobContext job) {
        if (job.isCancelled() || Thread.currentThread().isInterrupted()) {
            throw new CancelledAnalysis();
        }
    }

    private static Double confidence(Object insightsPart) {
        if (insightsPart instanceof Map<?, ?> m && m.get("confidence") instanceof Number n) {
            return n.doubleValue();
        }
        return null;
    }

    /** The job record's own result: what a job listing shows; the whole result is in the plugin's table. */
    private static String summary(Map<String, Object> result) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("dataset_name", result.get("dataset_name"));
        s.put("row_count", result.get("row_count"));
        s.put("column_count", result.get("column_count"));
        if (result.get("data_quality") instanceof Map<?, ?> q) {
            s.put("quality_score", q.get("overall_score"));
        }
        return MAPPER.writeValueAsString(s);
    }

    /** Unwinds an analysis whose job was cancelled or timed out. */
    static final class CancelledAnalysis extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CancelledAnalysis() {
            super("the analysis was cancelled or timed out");
        }
    }
}
