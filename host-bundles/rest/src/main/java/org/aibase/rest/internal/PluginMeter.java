package org.aibase.rest.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What one plugin's HTTP resources did: counts, CPU time and allocated bytes of the threads that
 * served them, and latencies over the last {@value #WINDOW} requests (percentiles of a sliding
 * window: recent behaviour, bounded memory).
 */
final class PluginMeter {

    static final int WINDOW = 1024;

    private final LongAdder requests = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder cpuNanos = new LongAdder();
    private final LongAdder allocatedBytes = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final LongAdder waits = new LongAdder();
    private final LongAdder rejections = new LongAdder();
    private final long[] window = new long[WINDOW];
    private long recorded;

    void started() {
        inFlight.incrementAndGet();
    }

    /** One request finished with the given status, after the given wall time, CPU time and allocation. */
    void finished(int status, long nanos, long cpu, long allocated) {
        inFlight.decrementAndGet();
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        latencyNanos.add(nanos);
        if (cpu > 0) {
            cpuNanos.add(cpu);
        }
        if (allocated > 0) {
            allocatedBytes.add(allocated);
        }
        synchronized (window) {
            window[(int) (recorded++ % WINDOW)] = nanos;
        }
    }

    /** A request had to wait for a free slot. */
    void waited() {
        waits.increment();
    }

    /** A request was refused for want of a slot (429). */
    void rejected() {
        rejections.increment();
    }

    long waits() {
        return waits.sum();
    }

    long rejections() {
        return rejections.sum();
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

    long cpuNanos() {
        return cpuNanos.sum();
    }

    long allocatedBytes() {
        return allocatedBytes.sum();
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
