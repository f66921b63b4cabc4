package org.aibase.metrics.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.TokenWindow;
import org.aibase.llm.UsageRecord;

/**
 * Reads the figures that exist into samples: each plugin's usage (HTTP meters, the governor's
 * accounting, storage, jobs, limits), its LLM use, and the process's CPU load, heap and threads.
 */
final class PlatformSampler {

    private PlatformSampler() {
    }

    /**
     * One sampling.
     *
     * @param plugins the registry's records
     * @param usage this sampling's reading of the plugins' usage
     * @param llm the LLM service's usage, or null without it
     */
    static List<Sample> sample(List<PluginRecord> plugins, UsageSamples usage, LlmUsage llm) {
        List<Sample> samples = new ArrayList<>(system(plugins));
        Map<String, double[]> tokens = llm == null ? Map.of() : llmTotals(llm);
        Map<String, Long> windows = new HashMap<>();
        if (llm != null) {
            for (TokenWindow window : llm.windows()) {
                windows.put(window.plugin(), window.tokens());
            }
        }
        for (PluginRecord record : plugins) {
            if (record.id().isEmpty() || record.state() == PluginState.REJECTED) {
                continue;
            }
            String id = record.id().get();
            samples.addAll(usage.of(id, record));
            double[] t = tokens.getOrDefault(id, new double[3]);
            samples.add(new Sample(id, "llm_calls", t[0]));
            samples.add(new Sample(id, "llm_failures", t[1]));
            samples.add(new Sample(id, "llm_tokens", t[2]));
            samples.add(new Sample(id, "llm_tokens_last_hour", windows.getOrDefault(id, 0L)));
        }
        return samples;
    }

    static List<Sample> system(List<PluginRecord> plugins) {
        List<Sample> samples = new ArrayList<>();
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            double load = os.getProcessCpuLoad();
            samples.add(new Sample("", "cpu_load", load < 0 ? 0 : load)); // negative: not available yet
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        samples.add(new Sample("", "heap_used_bytes", heap.getUsed()));
        samples.add(new Sample("", "heap_max_bytes", heap.getMax() < 0 ? heap.getCommitted() : heap.getMax()));
        samples.add(new Sample("", "threads", ManagementFactory.getThreadMXBean().getThreadCount()));
        samples.add(new Sample("", "active_plugins", plugins.stream().filter(p -> p.state() == PluginState.ACTIVE).count()));
        return samples;
    }

    /** Calls, failures and tokens per plugin, summed over endpoints and models. */
    private static Map<String, double[]> llmTotals(LlmUsage llm) {
        Map<String, double[]> totals = new HashMap<>();
        for (UsageRecord record : llm.usage()) {
            double[] t = totals.computeIfAbsent(record.plugin(), p -> new double[3]);
            t[0] += record.calls();
            t[1] += record.failures().values().stream().mapToLong(Long::longValue).sum();
            t[2] += record.promptTokens() + record.completionTokens();
        }
        return totals;
    }
}
