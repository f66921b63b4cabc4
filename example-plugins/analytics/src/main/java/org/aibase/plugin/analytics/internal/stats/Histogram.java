package org.aibase.plugin.analytics.internal.stats;

/**
 * {@code numpy.histogram(values, bins)}: equal-width bins over [min, max] (widened by 0.5 both
 * ways when min equals max), the last bin closed, edges from {@code linspace}. Only finite values
 * are binned: numpy refuses an infinite range, and a chart cannot show one.
 */
public record Histogram(double[] edges, long[] counts, int infinite) {

    /** Bins the finite values among {@code values} (NaN skipped). Null when there is none. */
    public static Histogram of(double[] values, int bins) {
        double first = Double.POSITIVE_INFINITY;
        double last = Double.NEGATIVE_INFINITY;
        int infinite = 0;
        int finite = 0;
        for (double v : values) {
            if (Double.isInfinite(v)) {
                infinite++;
            } else if (v == v) {
                finite++;
                first = Math.min(first, v);
                last = Math.max(last, v);
            }
        }
        if (finite == 0) {
            return null;
        }
        if (first == last) {
            first -= 0.5;
            last += 0.5;
        }
        double[] edges = linspace(first, last, bins + 1);
        long[] counts = new long[bins];
        double norm = bins / (last - first);
        for (double v : values) {
            if (v != v || Double.isInfinite(v)) {
                continue;
            }
            int i = (int) ((v - first) * norm);
            if (i == bins) {
                i--;
            }
            // numpy corrects the index where rounding put a value on the wrong side of an edge
            if (v < edges[i]) {
                i--;
            } else if (i != bins - 1 && v >= edges[i + 1]) {
                i++;
            }
            counts[i]++;
        }
        return new Histogram(edges, counts, infinite);
    }

    /** numpy's {@code linspace(start, stop, num)}: start + i * step, the last one exactly stop. */
    static double[] linspace(double start, double stop, int num) {
        double[] y = new double[num];
        double step = (stop - start) / (num - 1);
        for (int i = 0; i < num; i++) {
            y[i] = i * step + start;
        }
        y[num - 1] = stop;
        return y;
    }
}
