package org.aibase.deployer.internal;

import java.util.Arrays;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/** Plugin bundles among the installed ones: their descriptors come from the platform's one source. */
final class PluginBundles {

    /** The descriptor of a plugin bundle; empty when the bundle is not a plugin or its descriptor is unreadable. */
    Optional<PluginDescriptor> descriptorOf(Bundle bundle) {
        return PluginDescriptors.of(bundle);
    }

    /** Another installed plugin bundle (not at {@code exceptLocation}) with the given plugin id. */
    Optional<Bundle> withId(BundleContext context, String pluginId, String exceptLocation) {
        return Arrays.stream(context.getBundles())
                .filter(b -> !b.getLocation().equals(exceptLocation) && b.getState() != Bundle.UNINSTALLED)
                .filter(b -> descriptorOf(b).map(d -> d.id().equals(pluginId)).orElse(false))
                .findFirst();
    }
}
