package org.aibase.validator.internal;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.ValidationContext;

/**
 * Which plugins the confinement rules (wiring, API verification, service references, configuration
 * PIDs) apply to, and at which level: all but {@code trusted} ones the operator granted. A plugin that
 * claims {@code trusted} without the grant is refused for that, and still checked as {@code sandbox}
 * (as the hooks confine it), so one run reports every problem.
 */
final class Confinement {

    private Confinement() {
    }

    /** Whether the plugin is confined in this context. */
    static boolean applies(PluginDescriptor descriptor, ValidationContext context) {
        return descriptor.security() != SecurityLevel.TRUSTED || !context.trustedGrants().contains(descriptor.id());
    }

    /** The level a confined plugin is confined at: {@code isolated} when it says so, {@code sandbox} otherwise. */
    static SecurityLevel level(PluginDescriptor descriptor) {
        return descriptor.security() == SecurityLevel.ISOLATED ? SecurityLevel.ISOLATED : SecurityLevel.SANDBOX;
    }
}
