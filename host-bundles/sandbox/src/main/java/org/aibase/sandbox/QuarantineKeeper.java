package org.aibase.sandbox;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Carries out the quarantine policy's decisions: the party that can stop and start plugins (the
 * deployer) registers it. The policy decides when a plugin is quarantined and lifted; the keeper
 * stops the plugin, keeps the quarantine across restarts, and starts the plugin when it is lifted.
 * Without a keeper the policy's decisions are only logged.
 */
@ConsumerType
public interface QuarantineKeeper {

    /**
     * Stops the plugin (its calls in flight drained) and keeps the quarantine, replacing one in force
     * (e.g. when an operator pins it). Does nothing for a plugin that is not installed.
     */
    void quarantine(Quarantine quarantine);

    /**
     * Ends the quarantine and starts the plugin again, if it is still the one in force (the same
     * {@link Quarantine#since()}): one an operator ended or replaced meanwhile is left alone.
     */
    void lift(Quarantine quarantine);

    /** The quarantine in force for the plugin, if any. */
    Optional<Quarantine> quarantine(String pluginId);

    /** Every quarantine in force, including those kept from before a restart. */
    List<Quarantine> quarantines();
}
