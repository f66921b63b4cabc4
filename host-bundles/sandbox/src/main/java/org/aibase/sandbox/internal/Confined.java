package org.aibase.sandbox.internal;

import java.util.Optional;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;

/**
 * How the hooks treat one plugin bundle.
 *
 * @param descriptor its descriptor; empty when unreadable or with errors (then it is confined with no permission)
 * @param level the effective level: {@code trusted} only with the operator's grant
 */
record Confined(Optional<PluginDescriptor> descriptor, SecurityLevel level) {

    /** Whether the hooks restrict it (sandbox or isolated). */
    boolean restricted() {
        return level != SecurityLevel.TRUSTED;
    }

    /** Whether its descriptor grants the permission. */
    boolean holds(Permission permission) {
        return descriptor.map(d -> d.hasPermission(permission)).orElse(false);
    }

    /** Its id, if its descriptor could be read. */
    Optional<String> id() {
        return descriptor.map(PluginDescriptor::id);
    }

    /**
     * The effective level of a plugin: a declared {@code trusted} counts only for an id the operator
     * lists (defence in depth: the validator refuses such a JAR anyway); unreadable means sandbox.
     */
    static Confined of(Optional<PluginDescriptor> descriptor, TrustedPlugins trusted) {
        SecurityLevel declared = descriptor.map(PluginDescriptor::security).orElse(SecurityLevel.SANDBOX);
        boolean granted = declared != SecurityLevel.TRUSTED || descriptor.map(d -> trusted.contains(d.id())).orElse(false);
        return new Confined(descriptor, granted ? declared : SecurityLevel.SANDBOX);
    }
}
