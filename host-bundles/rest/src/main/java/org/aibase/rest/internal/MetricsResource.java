package org.aibase.rest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.PluginRegistry;
import org.aibase.jobs.JobStatistics;
import org.aibase.llm.LlmUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** {@code GET /metrics} (admin): the plugins' meters and the JVM's figures in Prometheus text format. */
@Component(service = MetricsResource.class, property = PlatformApplication.RESOURCE)
@jakarta.ws.rs.Path("metrics")
public final class MetricsResource {

    private final Governor governor;

    // optional: /metrics answers without the LLM bundle, and the LLM families appear when it starts
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmUsage llmUsage;

    // optional: the job families appear when the jobs bundle runs
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobStatistics;

    private final PluginRegistry registry;

    @Activate
    public MetricsResource(@Reference Governor governor, @Reference PluginRegistry registry) {
        this.governor = governor;
        this.registry = registry;
    }

    private static Map<String, String> labels(String plugin, String status) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("plugin", plugin);
        labels.put("status", status);
        return labels;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        PrometheusText text = new PrometheusText();
        Map<String, PluginLoad> loads = governor.loads();
        text.family("aibase_plugin_requests_total", "counter", "HTTP requests served by a plugin");
        loads.forEach((id, l) -> text.sample("aibase_plugin_requests_total", id, l.requests().requests()));
        text.family("aibase_plugin_errors_total", "counter", "plugin responses with status 5xx");
        loads.forEach((id, l) -> text.sample("aibase_plugin_errors_total", id, l.requests().serverErrors()));
        text.family("aibase_plugin_client_errors_total", "counter", "plugin responses with status 4xx");
        loads.forEach((id, l) -> text.sample("aibase_plugin_client_errors_total", id, l.requests().clientErrors()));
        text.family("aibase_plugin_in_flight", "gauge", "plugin requests executing now");
        loads.forEach((id, l) -> text.sample("aibase_plugin_in_flight", id, l.requests().inFlight()));
        text.family("aibase_plugin_request_duration_seconds", "summary", "latency over the last requests");
        loads.forEach((id, l) -> {
            RequestFigures r = l.requests();
            text.quantile("aibase_plugin_request_duration_seconds", id, "0.50", r.p50Millis() / 1000);
            text.quantile("aibase_plugin_request_duration_seconds", id, "0.95", r.p95Millis() / 1000);
            text.quantile("aibase_plugin_request_duration_seconds", id, "0.99", r.p99Millis() / 1000);
            text.sample("aibase_plugin_request_duration_seconds_sum", id, r.latencyNanos() / 1e9);
            text.sample("aibase_plugin_request_duration_seconds_count", id, r.requests());
        });

        text.family("aibase_plugin_cpu_seconds_total", "counter", "CPU time of the threads running a plugin's work");
        loads.forEach((id, l) -> text.sample("aibase_plugin_cpu_seconds_total", id, l.cpuNanos() / 1e9));
        text.family("aibase_plugin_cpu_cores", "gauge", "CPU used by a plugin's work over the last 10 s, in cores");
        loads.forEach((id, l) -> text.sample("aibase_plugin_cpu_cores", id, l.cpuCores()));
        text.family("aibase_plugin_allocated_bytes_total", "counter", "bytes allocated while running a plugin's work");
        loads.forEach((id, l) -> text.sample("aibase_plugin_allocated_bytes_total", id, l.allocatedBytes()));
        text.family("aibase_plugin_running", "gauge", "units of a plugin's work executing now");
        loads.forEach((id, l) -> text.sample("aibase_plugin_running", id, l.running()));
        text.family("aibase_plugin_waits_total", "counter", "requests and tasks that waited for a concurrency slot");
        loads.forEach((id, l) -> text.sample("aibase_plugin_waits_total", id, l.slotWaits()));
        text.family("aibase_plugin_rejections_total", "counter", "requests and tasks refused with 429 at the concurrency limit");
        loads.forEach((id, l) -> text.sample("aibase_plugin_rejections_total", id, l.rejections()));
        text.family("aibase_plugin_cpu_waits_total", "counter", "units of work that waited because the plugin was over limits.cpu");
        loads.forEach((id, l) -> text.sample("aibase_plugin_cpu_waits_total", id, l.cpuWaits()));
        text.family("aibase_plugin_timeouts_total", "counter", "units of work stopped past limits.timeout");
        loads.forEach((id, l) -> text.sample("aibase_plugin_timeouts_total", id, l.timeouts()));
        text.family("aibase_plugin_memory_exceeded_total", "counter", "units of work stopped past limits.memory");
        loads.forEach((id, l) -> text.sample("aibase_plugin_memory_exceeded_total", id, l.memoryExceeded()));
        text.family("aibase_plugin_runaways_total", "counter", "stopped work that ignored its interrupt");
        loads.forEach((id, l) -> text.sample("aibase_plugin_runaways_total", id, l.runaways()));

        Map<PluginState, Long> states = new EnumMap<>(PluginState.class);
        for (PluginState state : PluginState.values()) {
            states.put(state, 0L);
        }
        registry.plugins().forEach(record -> states.merge(record.state(), 1L, Long::sum));
        text.family("aibase_plugins", "gauge", "plugin files in deploy/ by state");
        states.forEach((state, count) -> text.labelled("aibase_plugins", Map.of("state", state.id()), count));

        JobStatistics jobs = jobStatistics;
        if (jobs != null) {
            text.family("aibase_jobs", "gauge", "a plugin's job records by status");
            jobs.countsByPlugin().forEach((plugin, byStatus) -> byStatus.forEach((status, count) -> text.labelled("aibase_jobs",
                    labels(plugin, status.id()), count)));
        }

        text.family("aibase_deployments_total", "counter", "deployment events since the runtime started, by type "
                + "(installed, updated, removed, rejected, failed, started, stopped, quarantined, lifted)");
        registry.deploymentCounts().forEach((type, count) -> text.labelled("aibase_deployments_total",
                Map.of("type", type.id()), count));
        DatabasePoolGauges.write(text);

        LlmUsage llm = llmUsage;
        if (llm != null) {
            LlmMetrics.write(text, llm.usage());
        }

        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        text.family("jvm_memory_heap_used_bytes", "gauge", "heap in use");
        text.sample("jvm_memory_heap_used_bytes", null, heap.getUsed());
        text.family("jvm_memory_heap_max_bytes", "gauge", "largest possible heap");
        text.sample("jvm_memory_heap_max_bytes", null, heap.getMax());
        text.family("jvm_threads_live", "gauge", "live threads");
        text.sample("jvm_threads_live", null, ManagementFactory.getThreadMXBean().getThreadCount());
        text.family("process_uptime_seconds", "gauge", "time since the JVM started");
        text.sample("process_uptime_seconds", null, ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
        return text.toString();
    }
}
