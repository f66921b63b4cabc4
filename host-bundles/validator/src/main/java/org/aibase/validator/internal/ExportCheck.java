package org.aibase.validator.internal;

import org.aibase.validator.Finding;
import org.aibase.validator.WiringGrants;

/**
 * Nothing deployed exports an {@code org.aibase} package: an export of the platform's packages would
 * let it stand in for the API that other bundles wire to. A plugin exports none of the libraries the
 * platform provides either ({@link WiringGrants#platformOnly}): the resolver hook keeps every other
 * bundle off such an export, so it would only mislead. A library bundle the operator allows may
 * provide a library's packages.
 */
public final class ExportCheck implements PluginCheck {

    private static final String HEADER = "Export-Package";

    @Override
    public void check(Inspection inspection) {
        boolean plugin = inspection.descriptor().isPresent();
        inspection.jar().header(HEADER).ifPresent(header -> {
            for (String pkg : ManifestClauses.paths(header)) {
                if (pkg.equals("org.aibase") || pkg.startsWith("org.aibase.")) {
                    inspection.add(Finding.error(Locations.header(HEADER), "exports " + pkg + ", a platform package",
                            "packages outside org.aibase.* (or no export at all)"));
                } else if (plugin && WiringGrants.platformOnly(pkg)) {
                    inspection.add(Finding.error(Locations.header(HEADER), "exports " + pkg
                            + ", a package only the platform provides to other bundles",
                            "packages of the plugin's own, outside the API and the libraries the platform provides"));
                }
            }
        });
    }
}
