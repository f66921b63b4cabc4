package org.aibase.sandbox;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;

/**
 * A plugin's effective limits: what its descriptor declares, else the operator's defaults (PID
 * {@code org.aibase.sandbox}). Host bundles that enforce a limit read it here, so every service
 * applies the same defaults.
 */
public interface PluginLimits {

    /** Every limit of the plugin, each present: the declared one, else the platform's default. */
    ResourceLimits effective(PluginDescriptor plugin);
}
