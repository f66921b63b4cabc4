package org.aibase.sandbox.internal;

import java.util.Optional;
import java.util.Set;

import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.Bundle;

/**
 * The hooks' view of every bundle: platform bundle, or plugin with its effective level, from the
 * one descriptor source ({@link PluginDescriptors}, read once per bundle revision) and the
 * operator's list of trusted plugins in force.
 */
final class KnownPlugins {

    private volatile TrustedPlugins trusted;

    KnownPlugins(TrustedPlugins trusted) {
        this.trusted = trusted;
    }

    /** Takes a new list of trusted plugins; bundles resolved before keep their wiring until refreshed. */
    void trust(TrustedPlugins plugins) {
        this.trusted = plugins;
    }

    /** How a bundle is confined; empty for a platform bundle (no plugin header). */
    Optional<Confined> of(Bundle bundle) {
        if (bundle == null || !PluginDescriptors.isPlugin(bundle)) {
            return Optional.empty();
        }
        return Optional.of(Confined.of(PluginDescriptors.of(bundle), trusted));
    }

    /** A bundle restricted by the hooks (a sandbox or isolated plugin), if it is one. */
    Optional<Confined> restricted(Bundle bundle) {
        return of(bundle).filter(Confined::restricted);
    }

    /** The ids currently trusted. */
    Set<String> trustedIds() {
        return trusted.ids();
    }
}
