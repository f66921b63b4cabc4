package org.aibase.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plugin's HTTP requests answered, as its {@link RequestMeter} counted them.
 *
 * @param requests requests that ended
 * @param serverErrors of those, answered 5xx
 * @param clientErrors of those, answered 4xx
 * @param inFlight requests started and not yet ended
 * @param latencyNanos the time all ended requests took, summed
 * @param p50Millis median latency over the last {@value #WINDOW} requests (0 before any)
 * @param p95Millis 95th percentile, likewise
 * @param p99Millis 99th percentile, likewise
 */
public record RequestFigures(long requests, long serverErrors, long clientErrors, int inFlight, long latencyNanos,
        double p50Millis, double p95Millis, double p99Millis) {

    /** How many of the latest requests the percentiles are computed over: recent behaviour, bounded memory. */
    public static final int WINDOW = 1024;

    /** Nothing yet. */
    public static final RequestFigures NONE = new RequestFigures(0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The figures as JSON-ready values, in the order and under the names every page and API shows them:
     * {@code requests}, {@code errors} (5xx), {@code client_errors}, {@code in_flight} and
     * {@code latency_ms} with {@code p50}, {@code p95}, {@code p99}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests);
        json.put("errors", serverErrors);
        json.put("client_errors", clientErrors);
        json.put("in_flight", inFlight);
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", p50Millis);
        latency.put("p95", p95Millis);
        latency.put("p99", p99Millis);
        json.put("latency_ms", Collections.unmodifiableMap(latency));
        return Collections.unmodifiableMap(json);
    }
}
