package org.aibase.sandbox.internal;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.aibase.sandbox.RequestFigures;
import org.aibase.sandbox.RequestMeter;

/**
 * What one plugin's HTTP requests answered: counts by status class, requests in flight, and
 * latencies over the last {@value RequestFigures#WINDOW} requests (percentiles of a sliding window:
 * recent behaviour, bounded memory). What the work cost (CPU, allocations, waits) the governor
 * accounts beside it, in the plugin's budget.
 */
final class PluginRequests implements RequestMeter {

    private final LongAdder requests = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder clientErrors = new LongAdder();
    private final LongAdder latencyNanos = new LongAdder();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final long[] window = new long[RequestFigures.WINDOW];
    private long recorded;

    @Override
    public void started() {
        inFlight.incrementAndGet();
    }

    @Override
    public void ended(int status, long nanos) {
        inFlight.decrementAndGet();
        requests.increment();
        if (status >= 500) {
            serverErrors.increment();
        } else if (status >= 400) {
            clientErrors.increment();
        }
        latencyNanos.add(nanos);
        synchronized (window) {
            window[(int) (recorded++ % RequestFigures.WINDOW)] = nanos;
        }
    }

    /** The figures now. */
    RequestFigures figures() {
        long[] sorted;
        synchronized (window) {
            sorted = Arrays.copyOf(window, (int) Math.min(recorded, RequestFigures.WINDOW));
        }
        Arrays.sort(sorted);
        return new RequestFigures(requests.sum(), serverErrors.sum(), clientErrors.sum(), inFlight.get(),
                latencyNanos.sum(), percentile(sorted, 0.50), percentile(sorted, 0.95), percentile(sorted, 0.99));
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
