package org.aibase.rest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one plugin's HTTP resources answered: counts by status class, requests in flight, and
 * latencies over the last {@value #WINDOW} requests (percentiles of a sliding window: recent
 * behaviour, bounded memory). What the work cost (CPU, allocations, waits) the governor accounts.
 */
public final class PluginMeter {

    static final int WINDOW = 1024;

    private final LongAdder requests = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long[] window = new long[WINDOW];
    private long recorded;

    public void started() {
        inFlight.incrementAndGet();
    }

    /** One request finished with the given status, after the given wall time. */
    public void finished(int status, long nanos) {
        inFlight.decrementAndGet();
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        latencyNanos.add(nanos);
        synchronized (window) {
            window[(int) (recorded++ % WINDOW)] = nanos;
        }
    }

    long requests() {
        return requests.sum();
    }

    long serverErrors() {
        return serverErrors.sum();
    }

    long clientErrors() {
        return clientErrors.sum();
    }

    long latencyNanos() {
        return latencyNanos.sum();
    }

    int inFlight() {
        return inFlight.get();
    }

    /** Latency percentiles in milliseconds over the window (p50, p95, p99); zeros before any request. */
    Map<String, Double> latencyPercentiles() {
        long[] sorted;
        synchronized (window) {
            sorted = Arrays.copyOf(window, (int) Math.min(recorded, WINDOW));
        }
        Arrays.sort(sorted);
        Map<String, Double> percentiles = new LinkedHashMap<>();
        percentiles.put("p50", percentile(sorted, 0.50));
        percentiles.put("p95", percentile(sorted, 0.95));
        percentiles.put("p99", percentile(sorted, 0.99));
        return percentiles;
    }

    /** Nearest-rank percentile in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, rank)] / 1_000_000.0;
    }
}
