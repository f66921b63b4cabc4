package org.aibase.validator.internal;

import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/**
 * The descriptor's version is {@code X.Y.Z} and equals Bundle-Version's major.minor.micro, so the
 * version people read and the one OSGi resolves are the same.
 */
public final class VersionCheck extends DescriptorRule {

    private static final String FORM = "a version X.Y.Z such as 1.2.0";

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        String location = Locations.field("version");
        if (inspection.reported(location)) {
            return; // missing or not a single value: already said
        }
        Optional<SemanticVersion> version = SemanticVersion.parse(descriptor.version());
        if (version.isEmpty()) {
            inspection.add(Finding.error(location, "'" + descriptor.version() + "' is not a version", FORM));
            return;
        }
        String header = "Bundle-Version";
        // OSGi's default when the header is absent
        String bundleVersion = inspection.jar().header(header).orElse("0.0.0");
        Optional<SemanticVersion> osgi = SemanticVersion.parseOsgi(bundleVersion);
        if (osgi.isEmpty()) {
            inspection.add(Finding.error(Locations.header(header), "'" + bundleVersion + "' is not an OSGi version",
                    "major.minor.micro[.qualifier], e.g. " + version.get()));
        } else if (!osgi.get().equals(version.get())) {
            inspection.add(Finding.error(location, "'" + version.get() + "' differs from Bundle-Version '"
                    + bundleVersion + "'", "the same major.minor.micro in both: " + osgi.get()
                    + " in plugin.yaml or " + version.get() + " as Bundle-Version"));
        }
    }
}
