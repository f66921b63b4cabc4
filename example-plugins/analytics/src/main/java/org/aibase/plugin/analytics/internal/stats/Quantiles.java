package org.aibase.plugin.analytics.internal.stats;

/**
 * The median as numpy's {@code median} computes it and the quartiles as {@code np.percentile}
 * with its default linear method, which is what pandas calls.
 */
record Quantiles(double median, double q25, double q50, double q75) {

    /** Computes them from values without NaN; rearranges the array. */
    static Quantiles of(double[] values) {
        int n = values.length;
        double[] qs = {0.25, 0.5, 0.75};
        int[] ranks = new int[2 * qs.length + 2];
        int r = 0;
        for (double q : qs) {
            int below = (int) Math.floor((n - 1) * q);
            ranks[r++] = below;
            ranks[r++] = Math.min(below + 1, n - 1);
        }
        ranks[r++] = (n - 1) / 2;
        ranks[r] = n / 2;
        OrderStatistics.select(values, ranks);
        double median = n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        return new Quantiles(median, linear(values, 0.25), linear(values, 0.5), linear(values, 0.75));
    }

    /** numpy's {@code _lerp}: from the nearer end, so that t = 1 gives b exactly. */
    private static double linear(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * q;
        int below = (int) Math.floor(virtual);
        int above = Math.min(below + 1, n - 1);
        double t = virtual - below;
        double a = sorted[below];
        double b = sorted[above];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }
}
