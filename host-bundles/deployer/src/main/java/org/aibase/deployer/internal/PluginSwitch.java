package org.aibase.deployer.internal;

import java.time.Instant;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.RegistryException;
import org.aibase.deployer.RegistryException.Kind;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/**
 * Starts and stops installed plugins' bundles, for the registry's operators and for the quarantine
 * keeper alike: a stop holds and drains the plugin's calls around it, a start that fails is recorded
 * as the plugin's failure, and every change goes into the deployment log.
 */
final class PluginSwitch {

    private final BundleContext context;
    private final PluginTransitions transitions;
    private final DeploymentLog log;
    private final Gateways gateways;

    PluginSwitch(BundleContext context, PluginTransitions transitions, DeploymentLog log, Gateways gateways) {
        this.context = context;
        this.transitions = transitions;
        this.log = log;
        this.gateways = gateways;
    }

    /**
     * Starts the plugin's bundle and logs the change.
     *
     * @return the bundle, started (its start level permitting)
     * @throws RegistryException CONFLICT when it is not installed or cannot start, naming why
     */
    Bundle start(PluginRecord record, DeploymentEvent.Type type, Optional<String> reason) {
        Bundle bundle = bundleOf(record, "start");
        try {
            bundle.start();
        } catch (BundleException | IllegalStateException e) {
            transitions.failed(bundle, e);
            throw new RegistryException(Kind.CONFLICT, "plugin '" + record.id().orElse(record.file()) + "' cannot start: "
                    + PluginTransitions.reason(e));
        }
        log.append(event(record, type, reason));
        return bundle;
    }

    /**
     * Stops the plugin's bundle once its calls in flight have finished (calls arriving meanwhile get
     * the stopped plugin's answer) and logs the change.
     *
     * @throws RegistryException CONFLICT when it is not installed
     */
    void stop(PluginRecord record, DeploymentEvent.Type type, Optional<String> reason) {
        Bundle bundle = bundleOf(record, "stop");
        gateways.changing(record.id().orElseThrow(), () -> {
            try {
                bundle.stop(); // also clears the framework's persistent autostart
            } catch (BundleException | IllegalStateException e) {
                // the bundle is stopped even when its activator failed while stopping
                transitions.failed(bundle, e);
            }
        });
        log.append(event(record, type, reason));
    }

    /**
     * The installed bundle of a record.
     *
     * @throws RegistryException CONFLICT when nothing is installed from it (e.g. a rejected file)
     */
    Bundle bundleOf(PluginRecord record, String operation) {
        Bundle bundle = record.bundleId().isPresent() ? context.getBundle(record.bundleId().getAsLong()) : null;
        if (bundle == null) {
            throw new RegistryException(Kind.CONFLICT, "cannot " + operation + " plugin '" + record.id().orElse(record.file())
                    + "': it is " + record.state().id() + record.reason().map(r -> " — " + r).orElse(""));
        }
        return bundle;
    }

    /** A deployment log line about a plugin. */
    static DeploymentEvent event(PluginRecord record, DeploymentEvent.Type type, Optional<String> reason) {
        return new DeploymentEvent(Instant.now(), type, record.file(), record.id(),
                record.descriptor().map(PluginDescriptor::version), reason);
    }
}
