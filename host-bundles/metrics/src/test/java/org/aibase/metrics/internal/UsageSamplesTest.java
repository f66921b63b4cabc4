package org.aibase.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.GovernorException;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.RequestMeter;
import org.aibase.sandbox.WorkUnit;
import org.aibase.sandbox.internal.PluginGovernor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each plugin's samples, read from a real governor and the storage and job figures. */
class UsageSamplesTest {

    /** What the descriptor declares, with no platform defaults. */
    static final PluginLimits DECLARED = plugin -> plugin.limits();

    static final ResourceLimits SHORT_TIMEOUT = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(),
            OptionalInt.empty(), OptionalLong.empty(), Optional.of(Duration.ofMillis(100)), OptionalInt.empty(),
            Optional.empty(), OptionalLong.of(5_000));

    private static final StorageUsage STORAGE = new StorageUsage() {
        @Override
        public long usedBytes(String pluginId) {
            return pluginId.equals("alpha") ? 1234 : 0;
        }

        @Override
        public OptionalLong quotaBytes(String pluginId) {
            return OptionalLong.empty();
        }
    };

    private final PluginGovernor governor = new PluginGovernor(2, Duration.ofSeconds(5));

    @AfterEach
    void stopGovernor() {
        governor.deactivate();
    }

    @Test
    void theGovernorsFiguresTheStorageTheJobsAndTheLimitsAreSampled() throws Exception {
        RequestMeter meter = governor.requests("alpha");
        answer(meter, 200, 2);
        answer(meter, 503, 4);
        answer(meter, 404, 6);
        timeOut(governor, TestPlugins.record("alpha", PluginState.ACTIVE, SHORT_TIMEOUT));
        Map<String, Map<JobStatus, Long>> jobs = Map.of("alpha",
                Map.of(JobStatus.RUNNING, 2L, JobStatus.FAILED, 1L, JobStatus.CANCELLED, 4L));

        Map<String, Double> samples = values(new UsageSamples(governor, DECLARED, STORAGE, jobs)
                .of("alpha", TestPlugins.record("alpha", PluginState.ACTIVE, SHORT_TIMEOUT)));

        assertEquals(3.0, samples.get("requests"));
        assertEquals(1.0, samples.get("errors"));
        assertEquals(1.0, samples.get("client_errors"));
        assertEquals(List.of(4.0, 6.0, 6.0), List.of(samples.get("latency_p50_ms"), samples.get("latency_p95_ms"),
                samples.get("latency_p99_ms")), "nearest rank of 2, 4 and 6 ms");
        assertEquals(1.0, samples.get("timeouts"));
        assertEquals(1234.0, samples.get("storage_bytes"));
        assertEquals(List.of(0.0, 2.0, 0.0, 1.0), List.of(samples.get("jobs_pending"), samples.get("jobs_running"),
                samples.get("jobs_completed"), samples.get("jobs_failed")));
        assertFalse(samples.containsKey("jobs_cancelled"));
        assertEquals(100.0, samples.get("limit_timeout_ms"));
        assertEquals(5000.0, samples.get("limit_llm_tokens_per_hour"));
        assertEquals(MetricCatalog.ALL.stream().filter(m -> m.perPlugin() && !m.name().startsWith("llm_"))
                .map(m -> m.name()).collect(Collectors.toSet()), samples.keySet(), "every usage metric of the catalog");
    }

    @Test
    void figuresOfAMissingServiceOrDescriptorAreLeftOut() {
        Map<String, Double> samples = values(new UsageSamples(governor, DECLARED, null, null)
                .of("beta", TestPlugins.record("beta", PluginState.STOPPED, null)));

        assertEquals(0.0, samples.get("requests"), "a plugin that never ran has zero figures");
        assertEquals(0.0, samples.get("cpu_ms"));
        assertFalse(samples.containsKey("storage_bytes"));
        assertFalse(samples.keySet().stream().anyMatch(name -> name.startsWith("jobs_")), samples.toString());
        assertFalse(samples.keySet().stream().anyMatch(name -> name.startsWith("limit_")), samples.toString());
    }

    static void answer(RequestMeter meter, int status, long millis) {
        meter.started();
        meter.ended(status, TimeUnit.MILLISECONDS.toNanos(millis));
    }

    /** Runs one request of the plugin past its 100 ms timeout. */
    static void timeOut(PluginGovernor governor, org.aibase.deployer.PluginRecord plugin) throws InterruptedException {
        WorkUnit unit = new WorkUnit(plugin.descriptor().orElseThrow(), WorkUnit.Kind.REQUEST, "sleeps", null);
        ExecutionException failed = assertThrows(ExecutionException.class, () -> governor.submit(unit, () -> {
            Thread.sleep(10_000);
            return null;
        }).get(5, TimeUnit.SECONDS));
        assertInstanceOf(GovernorException.class, failed.getCause());
    }

    static Map<String, Double> values(List<Sample> samples) {
        return samples.stream().collect(Collectors.toMap(Sample::metric, Sample::value));
    }
}
