package org.aibase.sandbox;

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
}
