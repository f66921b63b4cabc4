package org.aibase.plugin.analytics.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.plugin.analytics.internal.frame.BoolColumn;
import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.NumericColumn;
import org.aibase.plugin.analytics.internal.frame.ObjectColumn;
import org.aibase.plugin.analytics.internal.stats.ChartData;
import org.aibase.plugin.analytics.internal.stats.JsonNumbers;
import org.aibase.plugin.analytics.internal.stats.RowSample;
import org.aibase.plugin.analytics.internal.stats.StatisticsReport;

/**
 * Runs one analysis of a data frame: statistics and quality on every row; for a detailed analysis
 * chart data and AI insights from a seeded sample of at most {@code max_data_points} rows.
 */
public final class AnalysisEngine {

    /** Where the work stands, for a job's progress (0 to 100). */
    public interface Progress {
        void report(int percent, String step);
    }

    /** Writes the insights of an analysis; the LLM-backed one is {@code insights.InsightsGenerator}. */
    public interface Insights {
        Map<String, Object> insights(String name, Map<String, Object> result, List<Map<String, Object>> sampleRows,
                AnalysisSettings settings);
    }

    private static final int PROMPT_ROWS = 20;

    private final Insights insights;

    public AnalysisEngine(Insights insights) {
        this.insights = insights;
    }

    /** The result object of an analysis. */
    public Map<String, Object> analyze(String name, DataFrame frame, AnalysisSettings settings, Progress progress) {
        JsonNumbers numbers = new JsonNumbers();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("dataset_name", name);
        result.put("row_count", frame.rows());
        result.put("column_count", frame.columns().size());
        progress.report(20, "statistics");
        result.put("statistics", StatisticsReport.statistics(frame, numbers));
        progress.report(50, "data quality");
        result.put("data_quality", StatisticsReport.quality(frame));
        result.put("analysis_depth", settings.analysisDepth());
        if (settings.detailed()) {
            RowSample sample = RowSample.of(frame.rows(), settings.maxDataPoints(), RowSample.SEED);
            result.put("sample", Map.of("rows", sample.rows().length, "of", sample.of(), "seed", sample.seed(),
                    "sampled", sample.sampled(), "method", "uniform without replacement (Floyd, SplitMix64)"));
            if (settings.generateCharts()) {
                progress.report(60, "charts");
                result.put("charts", ChartData.of(frame, sample, numbers));
            }
            progress.report(70, "insights");
            result.put("insights", insights.insights(name, result, rows(frame, sample, PROMPT_ROWS), settings));
        }
        result.put("notes", numbers.notes());
        progress.report(100, "done");
        return result;
    }

    /** Up to {@code limit} sampled rows as objects (missing cells left out), for the prompt. */
    static List<Map<String, Object>> rows(DataFrame frame, RowSample sample, int limit) {
        List<Map<String, Object>> rows = new ArrayList<>();
        int step = Math.max(1, sample.rows().length / limit);
        for (int i = 0; i < sample.rows().length && rows.size() < limit; i += step) {
            int row = sample.rows()[i];
            Map<String, Object> m = new LinkedHashMap<>();
            for (Column c : frame.columns()) {
                Object v = cell(c, row);
                if (v != null) {
                    m.put(c.name(), v);
                }
            }
            rows.add(m);
        }
        return rows;
    }

    private static Object cell(Column column, int row) {
        if (column instanceof NumericColumn n) {
            if (n.exact() != null && n.dtype() == org.aibase.plugin.analytics.internal.frame.DType.INT64) {
                return n.exact()[row];
            }
            double v = n.values()[row];
            return Double.isFinite(v) ? v : null;
        }
        if (column instanceof BoolColumn b) {
            return b.values()[row];
        }
        ObjectColumn o = (ObjectColumn) column;
        int code = o.codes()[row];
        Object v = code < 0 ? null : o.values().get(code);
        return v instanceof Double d && !Double.isFinite(d) ? null : v == null ? null : v instanceof String ? v : v.toString();
    }
}
