package org.aibase.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.aibase.api.plugin.PluginState;
import org.aibase.sandbox.internal.PluginGovernor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One sampling: the system's figures once, each plugin's that has an id and was not refused. */
class PlatformSamplerTest {

    private final PluginGovernor governor = new PluginGovernor(1, Duration.ofSeconds(5));

    @AfterEach
    void stopGovernor() {
        governor.deactivate();
    }

    @Test
    void refusedFilesAreNotSampledAndEveryOtherPluginIs() {
        UsageSamplesTest.answer(governor.requests("alpha"), 200, 3);

        List<Sample> samples = PlatformSampler.sample(List.of(
                TestPlugins.record("alpha", PluginState.ACTIVE, UsageSamplesTest.SHORT_TIMEOUT),
                TestPlugins.record("beta", PluginState.STOPPED, null),
                TestPlugins.record("gamma", PluginState.REJECTED, null),
                TestPlugins.unreadable("broken.jar")),
                new UsageSamples(governor, UsageSamplesTest.DECLARED, null, null), null);

        Map<String, List<Sample>> byPlugin = samples.stream().collect(Collectors.groupingBy(Sample::plugin));
        assertEquals(Set.of("", "alpha", "beta"), byPlugin.keySet());
        assertEquals(1.0, UsageSamplesTest.values(byPlugin.get("")).get("active_plugins"));
        Map<String, Double> alpha = UsageSamplesTest.values(byPlugin.get("alpha"));
        assertEquals(1.0, alpha.get("requests"));
        assertEquals(3.0, alpha.get("latency_p95_ms"));
        assertEquals(0.0, alpha.get("llm_tokens"), "no LLM service: no tokens");
        assertTrue(UsageSamplesTest.values(byPlugin.get("beta")).containsKey("llm_tokens_last_hour"));
    }
}
