package org.aibase.validator.internal;

import org.aibase.validator.Finding;

/**
 * A plugin exports no {@code org.aibase} package: an export of the platform's packages would let it
 * stand in for the API that other bundles wire to.
 */
public final class ExportCheck implements PluginCheck {

    private static final String HEADER = "Export-Package";

    @Override
    public void check(Inspection inspection) {
        inspection.jar().header(HEADER).ifPresent(header -> {
            for (String pkg : ManifestClauses.paths(header)) {
                if (pkg.equals("org.aibase") || pkg.startsWith("org.aibase.")) {
                    inspection.add(Finding.error(Locations.header(HEADER), "exports " + pkg + ", a platform package",
                            "packages outside org.aibase.* (or no export at all)"));
                }
            }
        });
    }
}
