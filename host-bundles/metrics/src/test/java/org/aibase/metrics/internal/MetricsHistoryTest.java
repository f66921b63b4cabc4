package org.aibase.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.annotation.Annotation;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.metrics.MetricQuery;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricStep;
import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.sandbox.internal.PluginGovernor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history as DS builds it: the registry's plugins with the governor's figures, stored in Derby. */
class MetricsHistoryTest {

    /** Hourly, so that only the test's own samplings run. */
    private static final MetricsConfiguration HOURLY = new MetricsConfiguration() {
        @Override
        public int interval_seconds() {
            return 3600;
        }

        @Override
        public int retention_days() {
            return 7;
        }

        @Override
        public Class<? extends Annotation> annotationType() {
            return MetricsConfiguration.class;
        }
    };

    @TempDir
    Path folder;

    private final PluginGovernor governor = new PluginGovernor(1, Duration.ofSeconds(5));

    @AfterEach
    void stopGovernor() {
        governor.deactivate();
    }

    @Test
    void aSamplingStoresEachPluginsFiguresFromTheGovernor() {
        // answered before the history starts: its first sampling, at once on its own thread, sees them too
        UsageSamplesTest.answer(governor.requests("alpha"), 200, 7);
        UsageSamplesTest.answer(governor.requests("alpha"), 500, 9);
        PluginRegistry registry = listing(List.of(TestPlugins.record("alpha", PluginState.ACTIVE, UsageSamplesTest.SHORT_TIMEOUT)));
        MetricsHistory history = new MetricsHistory(HOURLY, registry, governor, UsageSamplesTest.DECLARED,
                Map.entry(Map.of("aibase.database.dialect", "derby"), Databases.derby(folder)));
        try {
            history.sampleNow();

            Map<String, Double> alpha = history.latest().get("alpha");
            assertEquals(2.0, alpha.get("requests"));
            assertEquals(1.0, alpha.get("errors"));
            assertEquals(9.0, alpha.get("latency_p99_ms"));
            assertEquals(100.0, alpha.get("limit_timeout_ms"));
            List<MetricSeries> stored = history.query(new MetricQuery("latency_p99_ms", Optional.of("alpha"),
                    Instant.now().minusSeconds(600), Instant.now().plusSeconds(60), MetricStep.RAW));
            assertEquals(9.0, stored.get(0).points().get(stored.get(0).points().size() - 1).value());
        } finally {
            history.deactivate();
        }
    }

    /** A registry that lists these plugins: the history only reads the list, it never operates a plugin. */
    private static PluginRegistry listing(List<PluginRecord> plugins) {
        return (PluginRegistry) Proxy.newProxyInstance(MetricsHistoryTest.class.getClassLoader(),
                new Class<?>[] { PluginRegistry.class }, (proxy, method, args) -> {
                    if (method.getName().equals("plugins")) {
                        return plugins;
                    }
                    throw new UnsupportedOperationException("the metrics history called " + method.getName());
                });
    }
}
