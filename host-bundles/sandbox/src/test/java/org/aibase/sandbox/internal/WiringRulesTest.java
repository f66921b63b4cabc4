package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aibase.api.plugin.SecurityLevel;
import org.junit.jupiter.api.Test;

/** The wiring table's patterns. */
class WiringRulesTest {

    @Test
    void aStarPatternMatchesThePackageAndBelowButNotALongerName() {
        assertTrue(WiringRules.mayImport(SecurityLevel.SANDBOX, "com.fasterxml.jackson.databind"));
        assertTrue(WiringRules.mayImport(SecurityLevel.SANDBOX, "org.aibase.api"));
        assertFalse(WiringRules.mayImport(SecurityLevel.SANDBOX, "org.aibase.apix"));
        assertFalse(WiringRules.mayImport(SecurityLevel.SANDBOX, "org.osgi.framework"));
        assertFalse(WiringRules.mayImport(SecurityLevel.SANDBOX, "com.sun.management"));
    }

    @Test
    void javaIsNeverFilteredAndTrustedMayImportAnything() {
        assertTrue(WiringRules.mayImport(SecurityLevel.ISOLATED, "java.util"));
        assertFalse(WiringRules.mayImport(SecurityLevel.ISOLATED, "org.slf4j"));
        assertTrue(WiringRules.mayImport(SecurityLevel.TRUSTED, "org.apache.felix.scr.impl"));
    }

    @Test
    void onlyThePlatformProvidesItsOwnAndAllowListedPackages() {
        assertTrue(WiringRules.platformOnly("org.aibase.deployer"));
        assertTrue(WiringRules.platformOnly("org.slf4j"));
        assertFalse(WiringRules.platformOnly("com.example.shared"));
    }
}
