package org.aibase.plugin.analytics.internal.stats;

import java.util.BitSet;

/**
 * A reproducible uniform sample of row numbers without replacement (Floyd's algorithm driven by
 * SplitMix64 from a fixed seed), in row order. Every row when there are at most {@code size}.
 */
public record RowSample(int[] rows, int of, long seed) {

    /** The seed the analysis uses, so that the same data gives the same sample. */
    public static final long SEED = 42;

    /** Whether rows were left out. */
    public boolean sampled() {
        return rows.length < of;
    }

    /** Up to {@code size} of {@code total} rows. */
    public static RowSample of(int total, int size, long seed) {
        if (total <= size) {
            int[] all = new int[total];
            for (int i = 0; i < total; i++) {
                all[i] = i;
            }
            return new RowSample(all, total, seed);
        }
        BitSet chosen = new BitSet(total);
        long state = seed;
        for (int j = total - size; j < total; j++) {
            state += 0x9E3779B97F4A7C15L;
            int t = (int) Long.remainderUnsigned(mix(state), j + 1L);
            chosen.set(chosen.get(t) ? j : t);
        }
        int[] rows = new int[size];
        int n = 0;
        for (int i = chosen.nextSetBit(0); i >= 0; i = chosen.nextSetBit(i + 1)) {
            rows[n++] = i;
        }
        return new RowSample(rows, total, seed);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
