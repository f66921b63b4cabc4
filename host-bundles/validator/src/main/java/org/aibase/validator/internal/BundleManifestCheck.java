package org.aibase.validator.internal;

import java.io.IOException;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

import org.aibase.validator.Finding;

/** A plugin is an OSGi bundle: a manifest with {@code Bundle-ManifestVersion: 2} and a symbolic name. */
public final class BundleManifestCheck implements PluginCheck {

    @Override
    public void check(Inspection inspection) {
        Optional<Manifest> manifest;
        try {
            manifest = inspection.jar().manifest();
        } catch (IOException e) {
            inspection.add(Finding.error(PluginJar.MANIFEST, "cannot be read: " + e.getMessage(), "an OSGi bundle manifest"));
            return;
        }
        if (manifest.isEmpty()) {
            inspection.add(Finding.error(PluginJar.MANIFEST, "is missing: the JAR is not an OSGi bundle",
                    "an OSGi bundle manifest"));
            return;
        }
        Attributes main = manifest.get().getMainAttributes();
        String manifestVersion = main.getValue("Bundle-ManifestVersion");
        if (!"2".equals(manifestVersion == null ? null : manifestVersion.trim())) {
            inspection.add(Finding.error(PluginJar.MANIFEST,
                    manifestVersion == null
                            ? "has no Bundle-ManifestVersion header: the JAR is not an OSGi bundle"
                            : "has Bundle-ManifestVersion '" + manifestVersion + "'",
                    "Bundle-ManifestVersion: 2"));
        }
        String symbolicName = main.getValue("Bundle-SymbolicName");
        if (symbolicName == null || symbolicName.isBlank()) {
            inspection.add(Finding.error(PluginJar.MANIFEST, "has no Bundle-SymbolicName header",
                    "a Bundle-SymbolicName such as org.example.hello"));
        }
    }
}
