package org.aibase.sandbox.internal;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;

import org.aibase.api.plugin.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Finds an installed plugin bundle and its descriptor by plugin id. */
final class PluginLookup {

    /** An installed plugin. */
    record Installed(Bundle bundle, PluginDescriptor descriptor) {
    }

    private final BundleContext context;
    private final Function<Bundle, Optional<PluginDescriptor>> descriptors;

    /** Looks plugins up among the bundles of the context, reading descriptors with the given function. */
    PluginLookup(BundleContext context, Function<Bundle, Optional<PluginDescriptor>> descriptors) {
        this.context = context;
        this.descriptors = descriptors;
    }

    /** The installed plugin with the id. */
    Optional<Installed> byId(String id) {
        return Arrays.stream(context.getBundles())
                .filter(b -> b.getState() != Bundle.UNINSTALLED && b.getBundleId() != 0)
                .map(b -> descriptors.apply(b).filter(d -> d.id().equals(id)).map(d -> new Installed(b, d)))
                .flatMap(Optional::stream)
                .findFirst();
    }

    /** The descriptor of a bundle, when it is a plugin. */
    Optional<PluginDescriptor> descriptorOf(Bundle bundle) {
        return descriptors.apply(bundle);
    }
}
