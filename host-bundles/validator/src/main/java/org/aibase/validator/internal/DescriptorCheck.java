package org.aibase.validator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.jar.Manifest;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.aibase.validator.DescriptorReading;
import org.aibase.validator.Finding;

/**
 * A plugin declares itself with {@code AIBase-Plugin: plugin.yaml} and carries a readable descriptor
 * at that entry; the descriptor read here is what later checks apply their rules to. A bundle without
 * the header is a plain library, accepted only when the operator allows libraries.
 */
public final class DescriptorCheck implements PluginCheck {

    private static final String HEADER = PluginDescriptor.MANIFEST_HEADER;
    private static final String FILE = PluginDescriptor.DESCRIPTOR_FILE;

    private final DescriptorReader reader;
    private final boolean allowLibraries;

    /** Reads descriptors with the given reader; {@code allowLibraries} accepts bundles without the header. */
    public DescriptorCheck(DescriptorReader reader, boolean allowLibraries) {
        this.reader = reader;
        this.allowLibraries = allowLibraries;
    }

    @Override
    public void check(Inspection inspection) {
        Optional<Manifest> manifest;
        try {
            manifest = inspection.jar().manifest();
        } catch (IOException e) {
            return; // reported by the manifest check
        }
        String header = manifest.map(m -> m.getMainAttributes().getValue(HEADER)).orElse(null);
        if (header == null && manifest.isPresent() && allowLibraries) {
            inspection.add(Finding.warning(PluginJar.MANIFEST, "has no " + HEADER
                    + " header: the JAR is installed as a library bundle, not as a plugin", ""));
            return;
        }
        if (header == null) {
            inspection.add(Finding.error(PluginJar.MANIFEST, "has no " + HEADER + " header: the JAR is not a plugin",
                    HEADER + ": " + FILE));
            if (!inspection.jar().hasEntry(FILE)) {
                return; // a plain library: a missing descriptor would only repeat the same finding
            }
        } else if (!FILE.equals(header.trim())) {
            inspection.add(Finding.error(PluginJar.MANIFEST, "has " + HEADER + " '" + header + "'",
                    HEADER + ": " + FILE));
        }
        // the descriptor is read even when the header is wrong, so one run reports every problem
        read(inspection);
    }

    private void read(Inspection inspection) {
        try {
            Optional<InputStream> entry = inspection.jar().entry(FILE);
            if (entry.isEmpty()) {
                inspection.add(Finding.error(FILE, "is missing from the JAR root", "a " + FILE + " at the JAR root"));
                return;
            }
            try (InputStream yaml = entry.get()) {
                DescriptorReading reading = reader.read(yaml); // reads at most its own size cap
                inspection.addAll(reading.findings());
                reading.descriptor().ifPresent(inspection::descriptor);
            }
        } catch (IOException e) {
            inspection.add(Finding.error(FILE, "cannot be read: " + e.getMessage(), ""));
        }
    }
}
