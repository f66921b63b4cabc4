package org.aibase.plugin.analytics.internal.jobs;

import java.util.Map;

import org.aibase.plugin.analytics.internal.AnalysisEngine;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.CsvDatasetReader;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.frame.JsonDatasetReader;

/**
 * The work of one analysis job: read the stored dataset into columns and analyse it. A job
 * handler bound to the JobService calls {@link #run}; its input names the dataset and settings.
 */
public final class AnalysisJob {

    private final AnalysisEngine engine;
    private final DatasetLimits limits;

    public AnalysisJob(AnalysisEngine engine, DatasetLimits limits) {
        this.engine = engine;
        this.limits = limits;
    }

    /** The result object; throws {@code DatasetException} when the stored data is unreadable. */
    public Map<String, Object> run(DatasetStore.StoredDataset dataset, AnalysisSettings settings, AnalysisEngine.Progress progress) {
        progress.report(5, "reading");
        DataFrame frame = dataset.mediaType().startsWith("text/csv")
                ? new CsvDatasetReader(limits).read(dataset.body())
                : new JsonDatasetReader(limits).read(dataset.body()).frame();
        return engine.analyze(dataset.name(), frame, settings, progress);
    }
}
