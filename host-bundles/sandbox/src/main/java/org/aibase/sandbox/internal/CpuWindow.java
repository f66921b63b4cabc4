package org.aibase.sandbox.internal;

/**
 * CPU time spent in the last {@value #SECONDS} seconds, in one-second buckets: {@code limits.cpu} is
 * a rate averaged over this window, so a plugin may burst briefly and then waits.
 */
final class CpuWindow {

    static final int SECONDS = 10;
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private final long[] nanos = new long[SECONDS];
    private final long[] second = new long[SECONDS];

    /** Adds CPU time used at the given instant ({@code System.nanoTime()}). */
    synchronized void add(long cpuNanos, long now) {
        long s = now / NANOS_PER_SECOND;
        int i = (int) Math.floorMod(s, (long) SECONDS);
        if (second[i] != s) {
            second[i] = s;
            nanos[i] = 0;
        }
        nanos[i] += cpuNanos;
    }

    /** CPU time within the window ending at the given instant. */
    synchronized long total(long now) {
        long s = now / NANOS_PER_SECOND;
        long sum = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (second[i] > s - SECONDS) {
                sum += nanos[i];
            }
        }
        return sum;
    }

    /** The average rate over the window, in cores. */
    double cores(long now) {
        return total(now) / (double) (SECONDS * NANOS_PER_SECOND);
    }

    /** Whether the window holds more than {@code cores} of CPU per second on average. */
    boolean over(double cores, long now) {
        return total(now) > cores * SECONDS * NANOS_PER_SECOND;
    }
}
