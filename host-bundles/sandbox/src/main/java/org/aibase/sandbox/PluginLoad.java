package org.aibase.sandbox;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a plugin's work has cost since the platform started, as the {@link Governor} accounted it,
 * and what its HTTP requests answered.
 *
 * @param cpuNanos CPU time of the threads while they ran the plugin's work
 * @param allocatedBytes bytes those threads allocated meanwhile
 * @param cpuCores CPU used over the last 10 s, in cores (1.0 = one core busy all the time)
 * @param running units executing now
 * @param waitingForCpu units waiting because the plugin is over {@code limits.cpu}
 * @param slotWaits units that waited for a {@code limits.concurrency} slot
 * @param rejections units refused: no concurrency slot came free (429), or no platform work thread (503)
 * @param cpuWaits units that had to wait for CPU budget
 * @param timeouts units stopped past {@code limits.timeout}
 * @param memoryExceeded units stopped past {@code limits.memory}
 * @param runaways units that ignored their interrupt for {@code runaway.grace} after they were stopped (each
 *        counts for the quarantine policy; one alone does not quarantine)
 * @param requests what its HTTP requests answered
 */
public record PluginLoad(long cpuNanos, long allocatedBytes, double cpuCores, int running, int waitingForCpu,
        long slotWaits, long rejections, long cpuWaits, long timeouts, long memoryExceeded, long runaways,
        RequestFigures requests) {

    /** Nothing yet. */
    public static final PluginLoad NONE = new PluginLoad(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, RequestFigures.NONE);

    /** The CPU time in whole milliseconds, as pages and metrics show it. */
    public long cpuMillis() {
        return cpuNanos / 1_000_000;
    }

    /** {@link #cpuCores()} to a thousandth, as pages and the HTTP API show it. */
    public double cpuCoresRounded() {
        return Math.round(cpuCores * 1000) / 1000.0;
    }

    /**
     * The figures as JSON-ready values, in the order and under the names every page and API shows them:
     * the requests' ({@link RequestFigures#toMap()}), then {@code cpu_ms}, {@code cpu_cores_10s}
     * ({@link #cpuCoresRounded()}), {@code allocated_bytes}, {@code running}, {@code waiting_for_cpu}, {@code waits},
     * {@code rejections}, {@code cpu_waits}, {@code timeouts}, {@code memory_exceeded}, {@code runaways}.
     */
    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>(requests.toMap());
        json.put("cpu_ms", cpuMillis());
        json.put("cpu_cores_10s", cpuCoresRounded());
        json.put("allocated_bytes", allocatedBytes);
        json.put("running", running);
        json.put("waiting_for_cpu", waitingForCpu);
        json.put("waits", slotWaits);
        json.put("rejections", rejections);
        json.put("cpu_waits", cpuWaits);
        json.put("timeouts", timeouts);
        json.put("memory_exceeded", memoryExceeded);
        json.put("runaways", runaways);
        return Collections.unmodifiableMap(json);
    }
}
