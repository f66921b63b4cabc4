package org.aibase.plugin.analytics.internal.stats;

import org.aibase.plugin.analytics.internal.frame.NumericColumn;

/**
 * What pandas' {@code mean()}, {@code median()}, {@code std()} (ddof 1), {@code min()},
 * {@code max()} and {@code quantile([.25, .5, .75])} say of a numeric column, skipping missing
 * cells. A value pandas answers with NaN (an empty column, the std of one value) is NaN here too.
 */
public record NumericSummary(double mean, double median, double std, double min, double max,
        double q25, double q50, double q75, int count) {

    /** Summarises every non-missing cell of the column. */
    public static NumericSummary of(NumericColumn column) {
        double[] values = column.values();
        int count = values.length - column.missing();
        if (count == 0) {
            return new NumericSummary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, 0);
        }
        // pandas' nanmean: numpy's pairwise sum with NaN as 0, divided by the count
        double mean = PairwiseSum.sum(values, 0, values.length) / count;
        double std = count > 1 ? sampleStd(values, count, mean) : Double.NaN;
        double[] present = present(values, count);
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : present) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        Quantiles q = Quantiles.of(present);
        return new NumericSummary(mean, q.median(), std, min, max, q.q25(), q.q50(), q.q75(), count);
    }

    /**
     * pandas' nanstd goes to bottleneck's {@code nanstd} (installed with Debian's pandas, and used
     * for the golden numbers): two plain left-to-right passes. When that overflows to infinity
     * pandas falls back to numpy's variance, pairwise around the pairwise mean.
     */
    private static double sampleStd(double[] values, int count, double pairwiseMean) {
        double sum = 0;
        for (double v : values) {
            if (v == v) {
                sum += v;
            }
        }
        double mean = sum / count;
        double squares = 0;
        for (double v : values) {
            if (v == v) {
                double d = v - mean;
                squares += d * d;
            }
        }
        double std = Math.sqrt(squares / (count - 1));
        if (Double.isInfinite(std)) {
            std = Math.sqrt(PairwiseSum.squaredDeviations(values, pairwiseMean) / (count - 1));
        }
        return std;
    }

    private static double[] present(double[] values, int count) {
        double[] present = new double[count];
        int n = 0;
        for (double v : values) {
            if (v == v) {
                present[n++] = v;
            }
        }
        return present;
    }
}
