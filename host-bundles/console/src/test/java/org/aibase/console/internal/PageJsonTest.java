package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.jobs.JobStatus;
import org.aibase.deployer.DeploymentPage;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;
import org.junit.jupiter.api.Test;

/** data.json's plugins: the usage under the names and in the order of the HTTP API's usage. */
class PageJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestRates.Rate NO_RATE = RequestRates.Rate.NONE;

    static final PluginLoad LOAD = new PluginLoad(2_345_678_901L, 4096, 0.12345, 2, 1, 3, 4, 5, 6, 7, 8,
            new RequestFigures(100, 9, 11, 2, 5_000_000_000L, 12.5, 40.5, 99.0));

    @Test
    void aPluginsUsageHasEveryFigureInTheApisOrder() throws Exception {
        Map<JobStatus, Long> jobs = new java.util.EnumMap<>(JobStatus.class);
        jobs.put(JobStatus.PENDING, 1L);
        jobs.put(JobStatus.RUNNING, 2L);
        PluginRow row = new PluginRow(PluginRowsTest.plugin("alpha", PluginRowsTest.LIMITS), Optional.of(new UsageFigures(
                LOAD, Optional.of(PluginRowsTest.LIMITS), OptionalLong.of(1234), Optional.of(jobs))), NO_RATE,
                OptionalLong.empty(), OptionalLong.of(5000));

        JsonNode plugin = plugins(row).get(0);

        assertEquals("{\"id\":\"alpha\",\"state\":\"active\",\"reason\":null,\"quarantine\":null,\"requests\":100,\"errors\":9,\"client_errors\":11,"
                + "\"in_flight\":2,\"latency_ms\":{\"p50\":12.5,\"p95\":40.5,\"p99\":99.0},\"cpu_ms\":2345,"
                + "\"cpu_cores_10s\":0.123,\"allocated_bytes\":4096,\"running\":2,\"waiting_for_cpu\":1,\"waits\":3,"
                + "\"rejections\":4,\"cpu_waits\":5,\"timeouts\":6,\"memory_exceeded\":7,\"runaways\":8,"
                + "\"limits\":{\"concurrency\":4,\"timeout_ms\":100,\"jobs\":2,\"llm_tokens_per_hour\":5000},"
                + "\"storage_bytes\":1234,\"jobs\":{\"pending\":1,\"running\":2}}", JSON.writeValueAsString(plugin.get("usage")));
        assertEquals(plugin.get("usage").get("limits"), plugin.get("limits"));
        assertEquals(5000, plugin.get("llm_tokens_budget").asLong());
        assertTrue(plugin.get("error_rate").isNull() && plugin.get("refused_rate").isNull(), "no rates from one sample");
    }

    @Test
    void errorsAndRefusalsHaveTheirOwnRates() {
        PluginRow row = new PluginRow(PluginRowsTest.plugin("alpha", PluginRowsTest.LIMITS), Optional.empty(),
                new RequestRates.Rate(java.util.OptionalDouble.of(6), java.util.OptionalDouble.of(0.1),
                        java.util.OptionalDouble.of(0.3)), OptionalLong.empty(), OptionalLong.empty());

        JsonNode plugin = plugins(row).get(0);

        assertEquals(0.1, plugin.get("error_rate").asDouble(), 1e-9, "5xx");
        assertEquals(0.3, plugin.get("refused_rate").asDouble(), 1e-9, "4xx");
    }

    @Test
    void withoutServicesOrAnIdTheirPartsAreAbsent() {
        PluginRow unmeasured = new PluginRow(PluginRowsTest.plugin("beta", null), Optional.of(new UsageFigures(
                PluginLoad.NONE, Optional.empty(), OptionalLong.empty(), Optional.empty())), NO_RATE,
                OptionalLong.empty(), OptionalLong.empty());
        PluginRow refused = new PluginRow(PluginRowsTest.refusedFile("broken.jar"), Optional.empty(), NO_RATE,
                OptionalLong.empty(), OptionalLong.empty());

        JsonNode plugins = plugins(unmeasured, refused);

        JsonNode beta = plugins.get(0).get("usage");
        assertEquals(0, beta.get("requests").asLong());
        assertEquals(List.of(false, false, false), List.of(beta.has("limits"), beta.has("storage_bytes"), beta.has("jobs")));
        assertEquals(0, plugins.get(0).get("limits").size());
        assertEquals(0, plugins.get(1).get("usage").size());
    }

    private static JsonNode plugins(PluginRow... rows) {
        Map<String, Object> data = PageJson.of(List.of(rows), new DeploymentPage(List.of(), 0, 0, 10), null, null);
        return JSON.valueToTree(data).get("plugins");
    }
}
