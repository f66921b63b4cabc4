package org.aibase.sandbox.internal;

import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.WiringGrants;

/**
 * The resolver hook's questions about wiring, answered by the validator's table
 * ({@link WiringGrants}), so the packages refused at run time are exactly those {@code validate}
 * reports before installation.
 */
final class WiringRules {

    private WiringRules() {
    }

    /** Whether a plugin at the level may import the package from a bundle other than itself. */
    static boolean mayImport(SecurityLevel level, String packageName) {
        return WiringGrants.mayImport(level, packageName);
    }

    /** Whether only the platform may provide the package to others. */
    static boolean platformOnly(String packageName) {
        return WiringGrants.platformOnly(packageName);
    }
}
