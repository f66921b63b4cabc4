package org.aibase.isolation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What an isolated plugin's JVM costs now.
 *
 * @param pid its process id
 * @param startedAt when the running JVM started
 * @param restarts how many times a JVM of the plugin was started again since the plugin started
 * @param cpuMillis the CPU time the running JVM used, all its threads
 * @param residentBytes its resident memory, where the system tells it
 * @param heapUsedBytes its heap in use at its last health check
 * @param heapMaxBytes its heap's limit ({@code -Xmx})
 */
public record JvmFigures(long pid, Instant startedAt, int restarts, long cpuMillis, OptionalLong residentBytes,
        long heapUsedBytes, long heapMaxBytes) {

    /** As the HTTP API shows it. */
    public Map<String, Object> toMap() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("pid", pid);
        json.put("started_at", startedAt.toString());
        json.put("restarts", restarts);
        json.put("cpu_ms", cpuMillis);
        json.put("resident_bytes", residentBytes.isPresent() ? residentBytes.getAsLong() : null);
        json.put("heap_used_bytes", heapUsedBytes);
        json.put("heap_max_bytes", heapMaxBytes);
        return json;
    }
}
