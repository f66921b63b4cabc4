package org.aibase.sandbox.internal;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.framework.Bundle;

/**
 * The hooks' view of every bundle: platform bundle, or plugin with its effective level. Hooks run on
 * every service look-up and resolve, so each bundle's descriptor is read once per bundle revision
 * (keyed by its last-modified time, which an update changes) instead of parsing YAML every time.
 */
final class KnownPlugins {

    private record Known(long lastModified, TrustedPlugins trusted, Optional<Confined> confined) {
    }

    private final Map<Long, Known> known = new ConcurrentHashMap<>();
    private volatile TrustedPlugins trusted;

    KnownPlugins(TrustedPlugins trusted) {
        this.trusted = trusted;
    }

    /** Takes a new list of trusted plugins; bundles resolved before keep their wiring until refreshed. */
    void trust(TrustedPlugins plugins) {
        // entries remember the list they were computed with, so a look-up running meanwhile cannot keep a stale one
        this.trusted = plugins;
    }

    /** How a bundle is confined; empty for a platform bundle (no plugin header). */
    Optional<Confined> of(Bundle bundle) {
        if (bundle == null) {
            return Optional.empty();
        }
        long modified = bundle.getLastModified();
        TrustedPlugins current = trusted;
        Known entry = known.get(bundle.getBundleId());
        if (entry == null || entry.lastModified() != modified || entry.trusted() != current) {
            Optional<Confined> confined = PluginBundles.isPlugin(bundle)
                    ? Optional.of(Confined.of(PluginBundles.descriptorOf(bundle), current))
                    : Optional.empty();
            entry = new Known(modified, current, confined);
            if (bundle.getState() != Bundle.UNINSTALLED) {
                known.put(bundle.getBundleId(), entry);
            }
        }
        return entry.confined();
    }

    /** A bundle restricted by the hooks (a sandbox or isolated plugin), if it is one. */
    Optional<Confined> restricted(Bundle bundle) {
        return of(bundle).filter(Confined::restricted);
    }

    /** The ids currently trusted. */
    java.util.Set<String> trustedIds() {
        return trusted.ids();
    }

    /** Forgets an uninstalled bundle. */
    void forget(Bundle bundle) {
        known.remove(bundle.getBundleId());
    }
}
