package org.aibase.metrics.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.aibase.api.metrics.MetricInfo;
import org.aibase.api.metrics.MetricKind;

/** Every metric the sampler records: the system's first, then each plugin's. */
final class MetricCatalog {

    static final List<MetricInfo> ALL = List.of(
            system("cpu_load", MetricKind.GAUGE, "ratio", "CPU load of the runtime process, 0 to 1 of all cores"),
            system("heap_used_bytes", MetricKind.GAUGE, "bytes", "Java heap in use"),
            system("heap_max_bytes", MetricKind.GAUGE, "bytes", "Java heap maximum"),
            system("threads", MetricKind.GAUGE, "count", "live threads of the runtime"),
            system("active_plugins", MetricKind.GAUGE, "count", "plugins in state active"),
            plugin("requests", MetricKind.COUNTER, "count", "HTTP requests to the plugin's resources"),
            plugin("errors", MetricKind.COUNTER, "count", "requests answered with a 5xx status"),
            plugin("client_errors", MetricKind.COUNTER, "count", "requests answered with a 4xx status"),
            plugin("latency_p50_ms", MetricKind.GAUGE, "ms", "median latency of recent requests"),
            plugin("latency_p95_ms", MetricKind.GAUGE, "ms", "95th percentile latency of recent requests"),
            plugin("latency_p99_ms", MetricKind.GAUGE, "ms", "99th percentile latency of recent requests"),
            plugin("cpu_ms", MetricKind.COUNTER, "ms", "CPU time of the plugin's requests, tasks and jobs"),
            plugin("allocated_bytes", MetricKind.COUNTER, "bytes", "bytes allocated by the plugin's work"),
            plugin("running", MetricKind.GAUGE, "count", "units of work running"),
            plugin("waits", MetricKind.COUNTER, "count", "work that waited for a concurrency slot"),
            plugin("rejections", MetricKind.COUNTER, "count", "work refused (429) past its concurrency limit"),
            plugin("timeouts", MetricKind.COUNTER, "count", "work stopped at limits.timeout"),
            plugin("memory_exceeded", MetricKind.COUNTER, "count", "work stopped past limits.memory"),
            plugin("runaways", MetricKind.COUNTER, "count", "work that ignored its interrupt"),
            plugin("storage_bytes", MetricKind.GAUGE, "bytes", "bytes of the plugin's tables and files"),
            plugin("jobs_pending", MetricKind.GAUGE, "count", "jobs waiting to run"),
            plugin("jobs_running", MetricKind.GAUGE, "count", "jobs running"),
            plugin("jobs_completed", MetricKind.GAUGE, "count", "job records completed"),
            plugin("jobs_failed", MetricKind.GAUGE, "count", "job records failed"),
            plugin("llm_calls", MetricKind.COUNTER, "count", "LLM calls"),
            plugin("llm_failures", MetricKind.COUNTER, "count", "failed LLM calls"),
            plugin("llm_tokens", MetricKind.COUNTER, "count", "LLM prompt and completion tokens"),
            plugin("llm_tokens_last_hour", MetricKind.GAUGE, "count", "LLM tokens in the sliding 60-minute window"),
            plugin("limit_timeout_ms", MetricKind.GAUGE, "ms", "the plugin's effective limits.timeout"),
            plugin("limit_llm_tokens_per_hour", MetricKind.GAUGE, "count",
                    "the plugin's limits.llm_tokens_per_hour (absent when unlimited)"));

    private static final Map<String, MetricInfo> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(MetricInfo::name, Function.identity()));

    private MetricCatalog() {
    }

    static Optional<MetricInfo> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    private static MetricInfo system(String name, MetricKind kind, String unit, String description) {
        return new MetricInfo(name, kind, unit, false, description);
    }

    private static MetricInfo plugin(String name, MetricKind kind, String unit, String description) {
        return new MetricInfo(name, kind, unit, true, description);
    }
}
