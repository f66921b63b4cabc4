package org.aibase.plugin.analytics.internal.stats;

import java.util.Arrays;

/**
 * Finds a few order statistics (the k-th smallest values) of an array without sorting all of it:
 * a quickselect that follows every wanted rank at once, with three-way partitions so columns of
 * few distinct values (ratings, flags) stay linear, and a sort as the fallback when the pivots
 * keep going wrong.
 */
final class OrderStatistics {

    private static final int SMALL = 40;

    private OrderStatistics() {
    }

    /** Rearranges {@code a} so that {@code a[k]} holds the k-th smallest value for every given k. */
    static void select(double[] a, int[] ranks) {
        int[] sorted = ranks.clone();
        Arrays.sort(sorted);
        select(a, 0, a.length - 1, sorted, 0, sorted.length - 1, 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8);
    }

    private static void select(double[] a, int lo, int hi, int[] ks, int kLo, int kHi, int budget) {
        while (kLo <= kHi && lo < hi) {
            if (hi - lo < SMALL || budget-- == 0) {
                Arrays.sort(a, lo, hi + 1);
                return;
            }
            double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
            int lt = lo;
            int gt = hi;
            int i = lo;
            while (i <= gt) {
                double v = a[i];
                if (v < pivot) {
                    a[i++] = a[lt];
                    a[lt++] = v;
                } else if (v > pivot) {
                    a[i] = a[gt];
                    a[gt--] = v;
                } else {
                    i++;
                }
            }
            // ranks below lt are in the left part, above gt in the right part; the middle is done
            int leftEnd = kLo;
            while (leftEnd <= kHi && ks[leftEnd] < lt) {
                leftEnd++;
            }
            int rightStart = leftEnd;
            while (rightStart <= kHi && ks[rightStart] <= gt) {
                rightStart++;
            }
            if (leftEnd > kLo) {
                select(a, lo, lt - 1, ks, kLo, leftEnd - 1, budget);
            }
            lo = gt + 1;
            kLo = rightStart;
        }
    }

    private static double medianOfThree(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }
}
