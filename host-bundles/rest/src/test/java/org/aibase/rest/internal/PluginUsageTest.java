package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/plugins/{id}/usage}'s figures: every key, in order, with the governor's values. */
class PluginUsageTest {

    private static final PluginLoad LOAD = new PluginLoad(2_345_678_901L, 4096, 0.12345, 2, 1, 3, 4, 5, 6, 7, 8,
            new RequestFigures(100, 9, 11, 2, 5_000_000_000L, 12.5, 40.25, 99.0));

    @Test
    void theFiguresKeepTheirNamesOrderAndUnits() throws Exception {
        ResourceLimits limits = new ResourceLimits(OptionalLong.of(256L << 20), OptionalDouble.of(0.5), OptionalInt.of(16),
                OptionalLong.empty(), Optional.of(Duration.ofSeconds(30)), OptionalInt.of(5), Optional.empty(),
                OptionalLong.of(200_000));

        Map<String, Object> json = PluginUsage.json(LOAD, limits);

        assertEquals("{\"requests\":100,\"errors\":9,\"client_errors\":11,\"in_flight\":2,"
                + "\"latency_ms\":{\"p50\":12.5,\"p95\":40.25,\"p99\":99.0},\"cpu_ms\":2345,\"cpu_cores_10s\":0.123,"
                + "\"allocated_bytes\":4096,\"running\":2,\"waiting_for_cpu\":1,\"waits\":3,\"rejections\":4,"
                + "\"cpu_waits\":5,\"timeouts\":6,\"memory_exceeded\":7,\"runaways\":8,"
                + "\"limits\":{\"memory_bytes\":268435456,\"cpu\":0.5,\"concurrency\":16,\"timeout_ms\":30000,"
                + "\"jobs\":5,\"llm_tokens_per_hour\":200000}}", new ObjectMapper().writeValueAsString(json));
        assertEquals(List.of(Long.class, Long.class, Long.class, Integer.class), List.of(json.get("requests").getClass(),
                json.get("errors").getClass(), json.get("cpu_ms").getClass(), json.get("in_flight").getClass()));
    }

    @Test
    void withoutADescriptorThereAreNoLimits() {
        Map<String, Object> json = new LinkedHashMap<>(PluginUsage.json(PluginLoad.NONE, null));
        assertFalse(json.containsKey("limits"));
        assertEquals(0L, json.get("requests"));
        assertEquals(Map.of("p50", 0.0, "p95", 0.0, "p99", 0.0), json.get("latency_ms"));
    }
}
