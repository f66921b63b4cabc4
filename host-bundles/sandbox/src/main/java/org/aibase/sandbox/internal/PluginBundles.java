package org.aibase.sandbox.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.aibase.validator.DescriptorReading;
import org.aibase.validator.Severity;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the descriptor of a plugin bundle: the one place in the sandbox that decides what a plugin is. */
public final class PluginBundles {

    private static final Logger LOG = LoggerFactory.getLogger(PluginBundles.class);

    private PluginBundles() {
    }

    /** Whether the bundle declares itself a plugin (header {@value PluginDescriptor#MANIFEST_HEADER}). */
    public static boolean isPlugin(Bundle bundle) {
        try {
            return bundle.getHeaders("").get(PluginDescriptor.MANIFEST_HEADER) != null;
        } catch (IllegalStateException e) {
            return false; // uninstalled meanwhile
        }
    }

    /**
     * The descriptor of a plugin bundle; empty when the bundle is not a plugin, or its descriptor is
     * missing or has errors (the validator refuses such a JAR; the hooks then treat the bundle as a
     * plugin with no permissions, see {@link KnownPlugins}).
     */
    public static Optional<PluginDescriptor> descriptorOf(Bundle bundle) {
        if (!isPlugin(bundle)) {
            return Optional.empty();
        }
        try {
            URL entry = bundle.getEntry(PluginDescriptor.DESCRIPTOR_FILE);
            if (entry == null) {
                LOG.warn("Bundle {} [{}] has the {} header but no {}", bundle.getSymbolicName(), bundle.getBundleId(),
                        PluginDescriptor.MANIFEST_HEADER, PluginDescriptor.DESCRIPTOR_FILE);
                return Optional.empty();
            }
            try (InputStream in = entry.openStream()) {
                DescriptorReading reading = new DescriptorReader().read(in);
                // fields with errors read as absent: acting on such a descriptor could grant what was not meant
                if (reading.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
                    LOG.warn("The descriptor of bundle {} [{}] has errors: {}", bundle.getSymbolicName(),
                            bundle.getBundleId(), reading.findings());
                    return Optional.empty();
                }
                return reading.descriptor();
            }
        } catch (IOException | IllegalStateException e) {
            // IllegalStateException: the bundle was uninstalled meanwhile
            LOG.warn("Cannot read the descriptor of bundle {} [{}]", bundle.getSymbolicName(), bundle.getBundleId(), e);
            return Optional.empty();
        }
    }
}
