package org.aibase.console.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests per minute, the error rate (5xx) and the refused rate (4xx) of each plugin, from the totals
 * the page reads on each refresh: the difference between now and the oldest sample of the last minute. The
 * usage figures are totals since the start; an operator wants to know what happens now.
 */
final class RequestRates {

    static final long WINDOW_NANOS = 60_000_000_000L;
    /** Below this span two samples say too little to call it a rate. */
    static final long MIN_SPAN_NANOS = 2_000_000_000L;

    /** What a plugin had answered at one moment. */
    record Sample(long nanos, long requests, long errors, long refused) {
    }

    /**
     * The rates of one plugin; empty while too few samples were taken. An error is the plugin's fault
     * (5xx); a refusal (4xx) is the caller's, so it is counted apart and never raises the error rate.
     */
    record Rate(OptionalDouble perMinute, OptionalDouble errorRate, OptionalDouble refusedRate) {

        static final Rate NONE = new Rate(OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty());
    }

    private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

    /**
     * Records a sample and returns the rates over the last minute.
     *
     * @param errors the requests answered 5xx so far
     * @param refused the requests answered 4xx so far
     */
    Rate record(String plugin, long nanos, long requests, long errors, long refused) {
        Deque<Sample> history = samples.computeIfAbsent(plugin, k -> new ArrayDeque<>());
        synchronized (history) {
            Sample last = history.peekLast();
            if (last != null && requests < last.requests()) {
                history.clear(); // the counters restarted (the platform or its meters did)
            }
            history.addLast(new Sample(nanos, requests, errors, refused));
            while (history.size() > 2 && nanos - history.peekFirst().nanos() > WINDOW_NANOS) {
                history.removeFirst();
            }
            Sample first = history.peekFirst();
            long span = nanos - first.nanos();
            if (span < MIN_SPAN_NANOS) {
                return Rate.NONE;
            }
            long newRequests = requests - first.requests();
            double perMinute = newRequests * 60_000_000_000.0 / span;
            return new Rate(OptionalDouble.of(perMinute), share(errors - first.errors(), newRequests),
                    share(refused - first.refused(), newRequests));
        }
    }

    private static OptionalDouble share(long part, long requests) {
        return requests == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) part / requests);
    }

    /** Forgets plugins that are no longer known. */
    void retain(java.util.Set<String> plugins) {
        samples.keySet().retainAll(plugins);
    }
}
