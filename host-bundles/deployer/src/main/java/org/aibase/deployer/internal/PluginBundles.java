package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the descriptors of installed plugin bundles; the one place that decides what a plugin bundle is. */
final class PluginBundles {

    private static final Logger LOG = LoggerFactory.getLogger(PluginBundles.class);

    /** A descriptor as read from one revision of a bundle (its last-modified time tells revisions apart). */
    private record Read(long lastModified, Optional<PluginDescriptor> descriptor) {
    }

    private final DescriptorReader reader;
    // weak keys: an uninstalled bundle's entry goes with the bundle object, so installs never leak
    private final Map<Bundle, Read> cache = Collections.synchronizedMap(new WeakHashMap<>());

    PluginBundles(DescriptorReader reader) {
        this.reader = reader;
    }

    /**
     * The descriptor of a plugin bundle; empty when the bundle is not a plugin or its descriptor is
     * unreadable. Cached per bundle revision: the registry, the configuration plugin and the HTTP
     * layer ask on every request and every delivery, and parsing YAML each time would dominate.
     */
    Optional<PluginDescriptor> descriptorOf(Bundle bundle) {
        long lastModified = bundle.getLastModified();
        Read cached = cache.get(bundle);
        if (cached != null && cached.lastModified() == lastModified) {
            return cached.descriptor();
        }
        Optional<PluginDescriptor> descriptor = read(bundle);
        cache.put(bundle, new Read(lastModified, descriptor));
        return descriptor;
    }

    private Optional<PluginDescriptor> read(Bundle bundle) {
        try {
            if (bundle.getHeaders("").get(PluginDescriptor.MANIFEST_HEADER) == null) {
                return Optional.empty();
            }
            URL entry = bundle.getEntry(PluginDescriptor.DESCRIPTOR_FILE);
            if (entry == null) {
                LOG.warn("Bundle {} [{}] has the {} header but no {}", bundle.getSymbolicName(), bundle.getBundleId(),
                        PluginDescriptor.MANIFEST_HEADER, PluginDescriptor.DESCRIPTOR_FILE);
                return Optional.empty();
            }
            try (InputStream in = entry.openStream()) {
                return reader.read(in).descriptor();
            }
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the bundle was uninstalled meanwhile
            LOG.warn("Cannot read the descriptor of bundle {} [{}]", bundle.getSymbolicName(), bundle.getBundleId(), e);
            return Optional.empty();
        }
    }

    /** Another installed plugin bundle (not at {@code exceptLocation}) with the given plugin id. */
    Optional<Bundle> withId(BundleContext context, String pluginId, String exceptLocation) {
        return Arrays.stream(context.getBundles())
                .filter(b -> !b.getLocation().equals(exceptLocation) && b.getState() != Bundle.UNINSTALLED)
                .filter(b -> descriptorOf(b).map(d -> d.id().equals(pluginId)).orElse(false))
                .findFirst();
    }
}
