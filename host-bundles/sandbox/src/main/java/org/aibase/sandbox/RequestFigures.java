package org.aibase.sandbox;

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
}
