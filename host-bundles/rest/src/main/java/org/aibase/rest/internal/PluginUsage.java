package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aibase.api.plugin.ResourceLimits;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.deployer.PluginRecord;
import org.aibase.isolation.IsolatedJvms;
import org.aibase.isolation.JvmFigures;
import org.aibase.jobs.JobStatistics;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.Quarantine;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/** The usage of one plugin as JSON: what its HTTP resources answered, what its work cost, and its limits. */
@Component(service = PluginUsage.class)
public final class PluginUsage {

    private final Governor governor;
    private final PluginLimits limits;

    // optional: usage answers without the job service (e.g. while its database is unreachable)
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile JobStatistics jobs;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StorageUsage storage;

    // an isolated plugin's own JVM: what the governor meters of it is only the forwarding in this JVM
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile IsolatedJvms isolated;

    @Activate
    public PluginUsage(@Reference Governor governor, @Reference PluginLimits limits) {
        this.governor = governor;
        this.limits = limits;
    }

    /** The usage of a plugin's record: its id, state, reason and quarantine (when it lifts) first. */
    Map<String, Object> of(PluginRecord record) {
        String id = record.id().orElse(record.file());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("state", record.state().id());
        json.put("reason", record.reason().orElse(null));
        json.put("quarantine", record.quarantine().map(Quarantine::toMap).orElse(null));
        json.putAll(json(governor.load(id), record.descriptor().map(limits::effective).orElse(null)));
        StorageUsage measured = storage;
        if (measured != null) {
            // measured periodically by the persistence service: approximate by design
            json.put("storage_bytes", measured.usedBytes(id));
        }
        IsolatedJvms jvms = isolated;
        if (jvms != null && record.descriptor().filter(d -> d.security() == SecurityLevel.ISOLATED).isPresent()) {
            json.put("jvm", jvms.figures(id).map(JvmFigures::toMap).orElse(null));
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
        Map<String, Object> json = new LinkedHashMap<>(load.toMap());
        if (limits != null) {
            json.put("limits", PluginLimits.toMap(limits));
        }
        return json;
    }
}
