package org.aibase.plugin.analytics.internal.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.NumericColumn;
import org.aibase.plugin.analytics.internal.frame.ObjectColumn;
import org.aibase.plugin.analytics.internal.frame.PythonValues;

/**
 * The chart data, from the sampled rows: a 20-bin histogram of each of the first 3 numeric columns
 * and the 10 most frequent values of each of the first 2 categorical columns.
 */
public final class ChartData {

    static final int BINS = 20;
    static final int HISTOGRAMS = 3;
    static final int BARS = 2;
    static final int BAR_VALUES = 10;

    private ChartData() {
    }

    /** {@code {"histograms": [...], "bar_charts": [...]}}. */
    public static Map<String, Object> of(DataFrame frame, RowSample sample, JsonNumbers numbers) {
        List<Object> histograms = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n && histograms.size() < HISTOGRAMS) {
                histograms.add(histogram(n, sample, numbers));
            } else if (column instanceof ObjectColumn o && bars.size() < BARS) {
                bars.add(bars(o, sample));
            }
        }
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("histograms", histograms);
        charts.put("bar_charts", bars);
        return charts;
    }

    private static Map<String, Object> histogram(NumericColumn column, RowSample sample, JsonNumbers numbers) {
        double[] all = column.values();
        double[] values = new double[sample.rows().length];
        for (int i = 0; i < values.length; i++) {
            values[i] = all[sample.rows()[i]];
        }
        Histogram h = Histogram.of(values, BINS);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column.name());
        m.put("type", "histogram");
        if (h == null) {
            m.put("bin_edges", List.of());
            m.put("counts", List.of());
            numbers.note("charts: " + column.name() + " has no finite value in the sample: its histogram is empty");
            return m;
        }
        List<Double> edges = new ArrayList<>(h.edges().length);
        for (double e : h.edges()) {
            edges.add(e);
        }
        List<Long> counts = new ArrayList<>(h.counts().length);
        for (long c : h.counts()) {
            counts.add(c);
        }
        m.put("bin_edges", edges);
        m.put("counts", counts);
        if (h.infinite() > 0) {
            numbers.note("charts: " + h.infinite() + " infinite values of " + column.name() + " are left out of its histogram");
        }
        return m;
    }

    private static Map<String, Object> bars(ObjectColumn column, RowSample sample) {
        List<String> labels = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (ValueCounts.Entry e : ValueCounts.of(column, sample.rows()).top(BAR_VALUES)) {
            labels.add(PythonValues.keyText(e.value()));
            counts.add(e.count());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("column", column.name());
        m.put("type", "bar");
        m.put("labels", labels);
        m.put("counts", counts);
        return m;
    }
}
