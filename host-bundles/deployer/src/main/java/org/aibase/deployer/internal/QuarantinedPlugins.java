package org.aibase.deployer.internal;

import java.util.List;
import java.util.Optional;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.RegistryException;
import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.QuarantineKeeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out the quarantine policy's decisions on installed plugins: a quarantine is marked first (a
 * restart in between must not start the plugin again) and then the plugin is stopped with its calls
 * drained; a lift forgets the mark and starts the plugin. The marks are the one record of quarantines
 * in force, so the policy finds them again after a restart.
 */
final class QuarantinedPlugins implements QuarantineKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(QuarantinedPlugins.class);

    private final PluginRecords records;
    private final PluginMarks marks;
    private final PluginSwitch switches;

    QuarantinedPlugins(PluginRecords records, PluginMarks marks, PluginSwitch switches) {
        this.records = records;
        this.marks = marks;
        this.switches = switches;
    }

    @Override
    public void quarantine(Quarantine quarantine) {
        String id = quarantine.pluginId();
        Optional<PluginRecord> record = records.byId(id).filter(r -> r.bundleId().isPresent());
        if (record.isEmpty()) {
            LOG.warn("Plugin {} is not installed any more; its quarantine is dropped: {}", id, quarantine.reason());
            return;
        }
        if (marks.of(id).filter(mark -> mark.state() == PluginState.STOPPED).isPresent()) {
            // its runaway outlived an operator's stop: a quarantine would lift and start what the operator stopped
            LOG.warn("Plugin {} stays stopped by an operator rather than quarantined: {}", id, quarantine.reason());
            return;
        }
        marks.quarantined(quarantine);
        LOG.warn("Quarantined plugin {} {}: {}", id, quarantine.liftsAt().map(at -> "until " + at)
                .orElse("until an operator starts it"), quarantine.reason());
        switches.stop(record.get(), DeploymentEvent.Type.QUARANTINED, Optional.of(quarantine.reason()));
    }

    @Override
    public void lift(Quarantine quarantine) {
        String id = quarantine.pluginId();
        if (!marks.quarantine(id).filter(inForce -> inForce.since().equals(quarantine.since())).isPresent()) {
            return; // an operator started it, or it was quarantined anew, meanwhile
        }
        Optional<PluginRecord> record = records.byId(id);
        marks.clear(id);
        if (record.isEmpty()) {
            return;
        }
        try {
            // no wait for it to be served: before the plugins' start level it starts with them
            switches.start(record.get(), DeploymentEvent.Type.LIFTED, Optional.of(quarantine.reason()));
            LOG.info("Lifted the quarantine of plugin {} and started it again", id);
        } catch (RegistryException e) {
            LOG.warn("Lifted the quarantine of plugin {}, but it {}", id, e.getMessage());
        }
    }

    @Override
    public Optional<Quarantine> quarantine(String pluginId) {
        return marks.quarantine(pluginId);
    }

    @Override
    public List<Quarantine> quarantines() {
        return marks.quarantines();
    }
}
