package org.aibase.rest.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.aibase.llm.LlmUsage;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsResource;

/** {@code GET /metrics} (admin): the plugins' meters and the JVM's figures in Prometheus text format. */
@Component(service = MetricsResource.class, scope = ServiceScope.PROTOTYPE)
@JakartarsResource
@JakartarsApplicationSelect("(osgi.jakartars.name=" + DefaultApplication.NAME + ")")
@jakarta.ws.rs.Path("metrics")
public final class MetricsResource {

    private final PluginMeters meters;

    // optional: /metrics answers without the LLM bundle, and the LLM families appear when it starts
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmUsage llmUsage;

    @Activate
    public MetricsResource(@Reference PluginMeters meters) {
        this.meters = meters;
    }

    @GET
    @Produces("text/plain; version=0.0.4; charset=utf-8")
    public String metrics() {
        PrometheusText text = new PrometheusText();
        Map<String, PluginMeter> all = meters.all();
        text.family("aibase_plugin_requests_total", "counter", "HTTP requests served by a plugin");
        all.forEach((id, m) -> text.sample("aibase_plugin_requests_total", id, m.requests()));
        text.family("aibase_plugin_errors_total", "counter", "plugin responses with status 5xx");
        all.forEach((id, m) -> text.sample("aibase_plugin_errors_total", id, m.serverErrors()));
        text.family("aibase_plugin_client_errors_total", "counter", "plugin responses with status 4xx");
        all.forEach((id, m) -> text.sample("aibase_plugin_client_errors_total", id, m.clientErrors()));
        text.family("aibase_plugin_in_flight", "gauge", "plugin requests executing now");
        all.forEach((id, m) -> text.sample("aibase_plugin_in_flight", id, m.inFlight()));
        text.family("aibase_plugin_waits_total", "counter", "plugin requests that waited for a free slot");
        all.forEach((id, m) -> text.sample("aibase_plugin_waits_total", id, m.waits()));
        text.family("aibase_plugin_rejections_total", "counter", "plugin requests refused with 429 at the concurrency limit");
        all.forEach((id, m) -> text.sample("aibase_plugin_rejections_total", id, m.rejections()));
        text.family("aibase_plugin_cpu_seconds_total", "counter", "CPU time of the threads serving a plugin's requests");
        all.forEach((id, m) -> text.sample("aibase_plugin_cpu_seconds_total", id, m.cpuNanos() / 1e9));
        text.family("aibase_plugin_allocated_bytes_total", "counter", "bytes allocated while serving a plugin's requests");
        all.forEach((id, m) -> text.sample("aibase_plugin_allocated_bytes_total", id, m.allocatedBytes()));
        text.family("aibase_plugin_request_duration_seconds", "summary", "latency over the last requests");
        all.forEach((id, m) -> {
            m.latencyPercentiles().forEach((p, ms) -> text.quantile("aibase_plugin_request_duration_seconds", id,
                    "0." + p.substring(1), ms / 1000));
            text.sample("aibase_plugin_request_duration_seconds_sum", id, m.latencyNanos() / 1e9);
            text.sample("aibase_plugin_request_duration_seconds_count", id, m.requests());
        });

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
