package org.aibase.metrics.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRecord;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.TokenWindow;
import org.aibase.llm.UsageRecord;

/**
 * Reads the figures that exist into samples: each plugin's usage (as {@code GET /plugins/{id}/usage}
 * serves it: HTTP meters, the governor's accounting, storage, jobs, limits), its LLM use, and the
 * process's CPU load, heap and threads.
 */
final class PlatformSampler {

    private static final Map<String, String> USAGE_FIGURES = Map.of(
            "requests", "requests", "errors", "errors", "client_errors", "client_errors", "cpu_ms", "cpu_ms",
            "allocated_bytes", "allocated_bytes", "running", "running", "waits", "waits", "rejections", "rejections",
            "timeouts", "timeouts", "memory_exceeded", "memory_exceeded");

    private PlatformSampler() {
    }

    /**
     * One sampling.
     *
     * @param plugins the registry's records
     * @param usage a plugin's usage JSON by id
     * @param llm the LLM service's usage, or null without it
     */
    static List<Sample> sample(List<PluginRecord> plugins, Function<String, Optional<Map<String, Object>>> usage, LlmUsage llm) {
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
            usage.apply(id).ifPresent(json -> samples.addAll(fromUsage(id, json)));
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

    /** The samples in a plugin's usage JSON. */
    static List<Sample> fromUsage(String id, Map<String, Object> json) {
        List<Sample> samples = new ArrayList<>();
        USAGE_FIGURES.forEach((key, metric) -> number(json.get(key)).ifPresent(v -> samples.add(new Sample(id, metric, v))));
        number(json.get("runaways")).ifPresent(v -> samples.add(new Sample(id, "runaways", v)));
        number(json.get("storage_bytes")).ifPresent(v -> samples.add(new Sample(id, "storage_bytes", v)));
        if (json.get("latency_ms") instanceof Map<?, ?> latency) {
            for (String p : List.of("p50", "p95", "p99")) {
                number(latency.get(p)).ifPresent(v -> samples.add(new Sample(id, "latency_" + p + "_ms", v)));
            }
        }
        if (json.get("jobs") instanceof Map<?, ?> jobs) {
            for (String status : List.of("pending", "running", "completed", "failed")) {
                samples.add(new Sample(id, "jobs_" + status, number(jobs.get(status)).orElse(0.0)));
            }
        }
        if (json.get("limits") instanceof Map<?, ?> limits) {
            number(limits.get("timeout_ms")).ifPresent(v -> samples.add(new Sample(id, "limit_timeout_ms", v)));
            number(limits.get("llm_tokens_per_hour")).ifPresent(v -> samples.add(new Sample(id, "limit_llm_tokens_per_hour", v)));
        }
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

    private static Optional<Double> number(Object value) {
        return value instanceof Number n && Double.isFinite(n.doubleValue()) ? Optional.of(n.doubleValue()) : Optional.empty();
    }
}
