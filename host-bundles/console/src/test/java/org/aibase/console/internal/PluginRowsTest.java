package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.PluginRecord;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.RequestMeter;
import org.aibase.sandbox.internal.PluginGovernor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The page's rows read from a real governor, the effective limits, the storage and the job counts. */
class PluginRowsTest {

    /** What the descriptor declares, with no platform defaults. */
    private static final PluginLimits DECLARED = plugin -> plugin.limits();

    static final ResourceLimits LIMITS = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(),
            OptionalInt.of(4), OptionalLong.empty(), Optional.of(Duration.ofMillis(100)), OptionalInt.of(2),
            Optional.empty(), OptionalLong.of(5_000));

    private static final StorageUsage STORAGE = new StorageUsage() {
        @Override
        public long usedBytes(String pluginId) {
            return 1234;
        }

        @Override
        public OptionalLong quotaBytes(String pluginId) {
            return OptionalLong.of(4096);
        }
    };

    private final PluginGovernor governor = new PluginGovernor(1, Duration.ofSeconds(5));
    private final AtomicLong nanos = new AtomicLong();
    private final PluginRows rows = new PluginRows(governor, DECLARED, nanos::get);

    @AfterEach
    void stopGovernor() {
        governor.deactivate();
    }

    @Test
    void aPluginsRowHasItsFiguresFromWhereEachLives() {
        answer(governor.requests("alpha"), 200);
        answer(governor.requests("alpha"), 502);

        List<PluginRow> read = rows.read(List.of(plugin("alpha", LIMITS), refusedFile("broken.jar")), STORAGE,
                Map.of("alpha", Map.of(JobStatus.RUNNING, 2L)), null);

        UsageFigures alpha = read.get(0).usage().orElseThrow();
        assertEquals(2, alpha.load().requests().requests());
        assertEquals(1, alpha.load().requests().serverErrors());
        assertEquals(Optional.of(LIMITS), alpha.limits());
        assertEquals(OptionalLong.of(1234), alpha.storageBytes());
        assertEquals(2, alpha.jobs(JobStatus.RUNNING));
        assertEquals(0, alpha.jobs(JobStatus.FAILED));
        assertEquals(Map.of("concurrency", 4, "timeout_ms", 100L, "jobs", 2, "llm_tokens_per_hour", 5000L),
                read.get(0).limits());
        assertEquals(OptionalLong.of(5000), read.get(0).tokenBudget(), "without the LLM service, from the limits");
        assertTrue(read.get(1).usage().isEmpty(), "a file without an id has no usage");
        assertEquals(Map.of(), read.get(1).limits());
    }

    @Test
    void withoutStorageAndJobServicesTheirFiguresAreUnknown() {
        UsageFigures beta = rows.read(List.of(plugin("beta", null)), null, null, null).get(0).usage().orElseThrow();

        assertEquals(OptionalLong.empty(), beta.storageBytes());
        assertEquals(Optional.empty(), beta.jobs());
        assertEquals(Optional.empty(), beta.limits(), "no readable descriptor");
        assertEquals(0, beta.load().requests().requests());
    }

    @Test
    void ratesFollowTheGovernorsRequestCounts() {
        rows.read(List.of(plugin("alpha", LIMITS)), null, null, null);
        for (int i = 0; i < 4; i++) {
            answer(governor.requests("alpha"), i == 0 ? 500 : 200);
        }
        nanos.set(Duration.ofSeconds(30).toNanos());

        RequestRates.Rate rate = rows.read(List.of(plugin("alpha", LIMITS)), null, null, null).get(0).rates();

        assertEquals(8.0, rate.perMinute().getAsDouble(), 1e-9, "4 requests in 30 s");
        assertEquals(0.25, rate.errorRate().getAsDouble(), 1e-9);
    }

    private static void answer(RequestMeter meter, int status) {
        meter.started();
        meter.ended(status, Duration.ofMillis(5).toNanos());
    }

    /** An active plugin declaring these limits, or without a readable descriptor when null. */
    static PluginRecord plugin(String id, ResourceLimits limits) {
        Optional<PluginDescriptor> descriptor = Optional.ofNullable(limits).map(declared -> new PluginDescriptor(id, id,
                "1.0.0", null, null, null, null, null, null, null, null, null, Set.of(), null, declared, null));
        return new PluginRecord(Optional.of(id), id + ".jar", descriptor, PluginState.ACTIVE, Optional.empty(),
                Optional.empty(), OptionalLong.of(7), List.of(), Instant.EPOCH, Optional.empty());
    }

    static PluginRecord refusedFile(String file) {
        return new PluginRecord(Optional.empty(), file, Optional.empty(), PluginState.REJECTED,
                Optional.of("no plugin.yaml"), Optional.empty(), OptionalLong.empty(), List.of(), Instant.EPOCH, Optional.empty());
    }
}
