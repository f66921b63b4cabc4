package org.aibase.sandbox;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.aibase.validator.DescriptorReading;
import org.aibase.validator.Severity;
import org.osgi.framework.Bundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The descriptor of each plugin bundle: the one place that decides what a plugin is, for the
 * deployer, the hooks and every host bundle. Read once per bundle revision (an update changes the
 * bundle's last-modified time) and remembered after the bundle is uninstalled, so whoever handles
 * the uninstallation still knows which plugin it was. Plugins never see this package.
 */
public final class PluginDescriptors {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDescriptors.class);

    /** A descriptor as read from one revision (told apart by the bundle's last-modified time). */
    private record Read(long lastModified, Optional<PluginDescriptor> descriptor) {
    }

    // weak keys: an uninstalled bundle's entry goes with the bundle object, so installs never leak
    private static final Map<Bundle, Read> CACHE = Collections.synchronizedMap(new WeakHashMap<>());

    private PluginDescriptors() {
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
     * plugin with no permissions, and the registry shows it by its file alone).
     */
    public static Optional<PluginDescriptor> of(Bundle bundle) {
        Read cached = CACHE.get(bundle);
        if (cached != null && (bundle.getState() == Bundle.UNINSTALLED || cached.lastModified() == bundle.getLastModified())) {
            return cached.descriptor();
        }
        if (bundle.getState() == Bundle.UNINSTALLED) {
            return Optional.empty(); // never read while installed: nothing to tell
        }
        long lastModified = bundle.getLastModified();
        try {
            Optional<PluginDescriptor> descriptor = read(bundle);
            CACHE.put(bundle, new Read(lastModified, descriptor));
            return descriptor;
        } catch (RevisionInTransition e) {
            // not remembered: a refresh keeps the last-modified time, so a cached miss would outlive it
            LOG.debug("The descriptor of bundle {} [{}] was read while the bundle changed: {}", bundle.getSymbolicName(),
                    bundle.getBundleId(), e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Reads the descriptor of the bundle's current revision.
     *
     * @throws RevisionInTransition when the revision's content could not be read: Felix closes a
     *         revision's content while it refreshes the bundle (and the bundle may be uninstalled
     *         meanwhile), so a missing entry or an I/O error says nothing lasting about the plugin
     */
    private static Optional<PluginDescriptor> read(Bundle bundle) {
        if (!isPlugin(bundle)) {
            return Optional.empty();
        }
        URL entry;
        try {
            entry = bundle.getEntry(PluginDescriptor.DESCRIPTOR_FILE);
        } catch (RuntimeException e) {
            // IllegalStateException when uninstalled; Felix has no current revision for a moment while it refreshes
            throw new RevisionInTransition(e.toString());
        }
        if (entry == null) {
            throw new RevisionInTransition("the " + PluginDescriptor.MANIFEST_HEADER + " header but no "
                    + PluginDescriptor.DESCRIPTOR_FILE);
        }
        byte[] text;
        try (InputStream in = entry.openStream()) {
            // one byte over the limit, so the reader still refuses an oversized descriptor
            text = in.readNBytes(DescriptorReader.MAX_BYTES + 1);
        } catch (IOException | RuntimeException e) {
            throw new RevisionInTransition(e.toString());
        }
        DescriptorReading reading = new DescriptorReader().read(new ByteArrayInputStream(text));
        // fields with errors read as absent: acting on such a descriptor could grant what was not meant
        if (reading.findings().stream().anyMatch(f -> f.severity() == Severity.ERROR)) {
            LOG.warn("The descriptor of bundle {} [{}] has errors: {}", bundle.getSymbolicName(), bundle.getBundleId(),
                    reading.findings());
            return Optional.empty();
        }
        return reading.descriptor();
    }

    /** A read that met the bundle's revision closed or gone: nothing to conclude, nothing to remember. */
    private static final class RevisionInTransition extends RuntimeException {

        private static final long serialVersionUID = 1L;

        RevisionInTransition(String message) {
            super(message, null, false, false);
        }
    }
}
