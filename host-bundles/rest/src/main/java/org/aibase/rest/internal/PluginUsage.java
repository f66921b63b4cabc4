package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import java.util.Optional;

import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.PluginRecord;
import org.aibase.jobs.JobStatistics;
import org.aibase.persistence.StorageUsage;
import org.aibase.deployer.PluginRegistry;
import org.aibase.rest.usage.PluginUsages;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The usage of one plugin as JSON: what its HTTP resources answered, what its work cost, and its limits. */
@Component(service = { PluginUsages.class, PluginUsage.class })
public final class PluginUsage implements PluginUsages {

    private final PluginRegistry registry;
    private final Governor governor;
    private final PluginLimits limits;

    // optional: usage answers without the job service (e.g. while its database is unreachable)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageUsage storage;

    @Activate
    public PluginUsage(@Reference PluginRegistry registry, @Reference Governor governor,
            @Reference PluginLimits limits) {
        this.registry = registry;
        this.governor = governor;
        this.limits = limits;
    }

    @Override
    public Optional<Map<String, Object>> of(String pluginId) {
        return registry.plugin(pluginId).map(this::of);
    }

    /** The usage of a plugin's record: its id, state, reason and quarantine (when it lifts) first. */
    Map<String, Object> of(PluginRecord record) {
        String id = record.id().orElse(record.file());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("state", record.state().id());
        json.put("reason", record.reason().orElse(null));
        json.put("quarantine", record.quarantine().map(PluginJson::quarantine).orElse(null));
        json.putAll(json(governor.load(id), record.descriptor().map(limits::effective).orElse(null)));
        StorageUsage measured = storage;
        if (measured != null) {
            // measured periodically by the persistence service: approximate by design
            json.put("storage_bytes", measured.usedBytes(id));
        }
        JobStatistics current = jobs;
        if (current != null) {
            Map<String, Object> counts = new LinkedHashMap<>();
            current.countsByPlugin().getOrDefault(id, Map.of()).forEach((status, count) -> counts.put(status.id(), count));
            json.put("jobs", counts);
        }
        return json;
    }

    /**
     * @param load what the governor accounted, its requests included
     * @param limits its effective limits, or null when it has no readable descriptor
     */
    static Map<String, Object> json(PluginLoad load, ResourceLimits limits) {
        RequestFigures requests = load.requests();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requests", requests.requests());
        json.put("errors", requests.serverErrors());
        json.put("client_errors", requests.clientErrors());
        json.put("in_flight", requests.inFlight());
        Map<String, Double> latency = new LinkedHashMap<>();
        latency.put("p50", requests.p50Millis());
        latency.put("p95", requests.p95Millis());
        latency.put("p99", requests.p99Millis());
        json.put("latency_ms", latency);
        json.put("cpu_ms", load.cpuNanos() / 1_000_000);
        json.put("cpu_cores_10s", Math.round(load.cpuCores() * 1000) / 1000.0);
        json.put("allocated_bytes", load.allocatedBytes());
        json.put("running", load.running());
        json.put("waiting_for_cpu", load.waitingForCpu());
        json.put("waits", load.slotWaits());
        json.put("rejections", load.rejections());
        json.put("cpu_waits", load.cpuWaits());
        json.put("timeouts", load.timeouts());
        json.put("memory_exceeded", load.memoryExceeded());
        json.put("runaways", load.runaways());
        if (limits != null) {
            json.put("limits", PluginJson.limits(limits));
        }
        return json;
    }
}
