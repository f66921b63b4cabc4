package org.aibase.plugin.analytics.internal.stats;

/**
 * numpy's pairwise summation ({@code pairwise_sum} in its loops), which pandas' mean and variance
 * use: the same order of additions gives the same rounding, so the same last digits as pandas.
 * Missing cells (NaN) count as 0, as pandas fills them before summing.
 */
final class PairwiseSum {

    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** The sum of {@code a[from..from+n)} with NaN read as 0. */
    static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.;
            for (int i = 0; i < n; i++) {
                res += z(a[from + i]);
            }
            return res;
        }
        if (n <= BLOCK) {
            double r0 = z(a[from]);
            double r1 = z(a[from + 1]);
            double r2 = z(a[from + 2]);
            double r3 = z(a[from + 3]);
            double r4 = z(a[from + 4]);
            double r5 = z(a[from + 5]);
            double r6 = z(a[from + 6]);
            double r7 = z(a[from + 7]);
            int i;
            int end = n - (n % 8);
            for (i = 8; i < end; i += 8) {
                int k = from + i;
                r0 += z(a[k]);
                r1 += z(a[k + 1]);
                r2 += z(a[k + 2]);
                r3 += z(a[k + 3]);
                r4 += z(a[k + 4]);
                r5 += z(a[k + 5]);
                r6 += z(a[k + 6]);
                r7 += z(a[k + 7]);
            }
            double res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7));
            for (; i < n; i++) {
                res += z(a[from + i]);
            }
            return res;
        }
        int n2 = n / 2;
        n2 -= n2 % 8;
        return sum(a, from, n2) + sum(a, from + n2, n - n2);
    }

    /** The sum of squared deviations from {@code mean}, pairwise, NaN cells counting 0. */
    static double squaredDeviations(double[] a, double mean) {
        double[] squares = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            double d = mean - a[i];
            squares[i] = d * d;
        }
        return sum(squares, 0, squares.length);
    }

    private static double z(double v) {
        return v != v ? 0.0 : v;
    }
}
