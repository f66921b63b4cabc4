package org.aibase.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The load's figures under the names pages, metrics and the HTTP API show. */
class PluginLoadTest {

    private static final PluginLoad LOAD = new PluginLoad(2_345_999_999L, 4096, 0.12351, 2, 1, 3, 4, 5, 6, 7, 8,
            new RequestFigures(100, 9, 11, 2, 5_000_000_000L, 12.5, 40.25, 99.0));

    @Test
    void cpuIsShownInWholeMillisecondsAndCoresToAThousandth() {
        assertEquals(2345, LOAD.cpuMillis());
        assertEquals(0, PluginLoad.NONE.cpuMillis());
        assertEquals(0.124, LOAD.cpuCoresRounded());
    }

    @Test
    void theMapNamesEveryFigureInItsOrderRequestsFirst() {
        Map<String, Object> json = LOAD.toMap();

        assertEquals(List.of("requests", "errors", "client_errors", "in_flight", "latency_ms", "cpu_ms", "cpu_cores_10s",
                "allocated_bytes", "running", "waiting_for_cpu", "waits", "rejections", "cpu_waits", "timeouts",
                "memory_exceeded", "runaways"), List.copyOf(json.keySet()));
        assertEquals(List.of(100L, 9L, 11L, 2), List.of(json.get("requests"), json.get("errors"), json.get("client_errors"),
                json.get("in_flight")));
        assertEquals(List.of(12.5, 40.25, 99.0), List.copyOf(((Map<?, ?>) json.get("latency_ms")).values()));
        assertEquals(2345L, json.get("cpu_ms"));
        assertEquals(0.124, json.get("cpu_cores_10s"), "cores to a thousandth");
        assertEquals(List.of(4096L, 2, 1, 3L, 4L, 5L, 6L, 7L, 8L), List.of(json.get("allocated_bytes"), json.get("running"),
                json.get("waiting_for_cpu"), json.get("waits"), json.get("rejections"), json.get("cpu_waits"),
                json.get("timeouts"), json.get("memory_exceeded"), json.get("runaways")));
    }

    @Test
    void theMapIsACopyNobodyChanges() {
        assertThrows(UnsupportedOperationException.class, () -> LOAD.toMap().put("requests", 0L));
        assertEquals(Map.of("p50", 0.0, "p95", 0.0, "p99", 0.0), RequestFigures.NONE.toMap().get("latency_ms"));
    }
}
