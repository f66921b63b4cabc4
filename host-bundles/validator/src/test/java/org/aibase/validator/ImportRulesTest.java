package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the resolver hook would refuse, reported before installation: imports, Require-Bundle, exports of shared packages. */
class ImportRulesTest extends RuleTestSupport {

    private static final String IMPORTS = "META-INF/MANIFEST.MF/Import-Package";
    private static final String SANDBOX = "java.*, the plugin's own packages, org.aibase.api*, jakarta.ws.rs*, jakarta.persistence*, "
            + "jakarta.inject, jakarta.annotation, jakarta.annotation.security, com.fasterxml.jackson*, org.apache.commons.math3*, org.slf4j*, org.osgi.service.log, "
            + "org.osgi.service.component.annotations, org.osgi.annotation*";

    @Test
    void refusesAnImportTheLevelMayNotWireToNamingPackageAndLevel() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Import-Package",
                "jakarta.ws.rs;version=\"[3.1,4)\",org.apache.felix.framework;version=\"7.0\""));

        assertOnlyError(report, IMPORTS, "imports org.apache.felix.framework, which a sandbox plugin may not wire to: "
                + "the plugin would not resolve", SANDBOX);
    }

    @Test
    void refusesTheLibrariesToAnIsolatedPlugin() throws IOException {
        ValidationReport report = validate(TestJar.plugin(BASE + "security: isolated\n")
                .header("Import-Package", "org.aibase.api.plugin,com.fasterxml.jackson.databind"));

        assertOnlyError(report, IMPORTS, "imports com.fasterxml.jackson.databind, which an isolated plugin may not wire to: "
                + "the plugin would not resolve", "java.*, the plugin's own packages, org.aibase.api*, jakarta.ws.rs*, jakarta.persistence*");
    }

    @Test
    void warnsOfAnOptionalImportItWillNeverGet() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Import-Package",
                "org.osgi.framework;resolution:=optional"));

        assertTrue(report.valid(), report.summary());
        assertEquals(List.of(Finding.warning(IMPORTS, "imports org.osgi.framework optionally; a sandbox plugin is never wired "
                + "to it, so it stays missing", SANDBOX)), report.findings());
    }

    @Test
    void refusesRequireBundleAndWarnsOfADynamicImportOutsideTheLevel() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Require-Bundle", "org.apache.felix.scr")
                .header("DynamicImport-Package", "*"));

        assertOnlyError(report, "META-INF/MANIFEST.MF/Require-Bundle", "requires bundle org.apache.felix.scr; Require-Bundle wires "
                + "to everything a bundle exports, past the packages a sandbox plugin may import: the plugin would not resolve",
                "Import-Package of " + SANDBOX);
        assertEquals(List.of("META-INF/MANIFEST.MF/DynamicImport-Package"),
                report.findings(Severity.WARNING).stream().map(Finding::location).toList());
    }

    @Test
    void acceptsImportsOfItsOwnExportsAndLeavesTrustedPluginsTheOperatorGrantedAlone() throws IOException {
        assertTrue(validate(TestJar.validPlugin().header("Export-Package", "org.example.api")
                .header("Import-Package", "org.example.api,org.slf4j,java.util")).valid());

        ValidationContext granted = new ValidationContext("1.0.0", Map.of(), Set.of("hello"), PlatformLimits.DEFAULTS, false);
        assertTrue(validate(TestJar.plugin(BASE + "security: trusted\n").header("Import-Package", "org.osgi.framework"), granted).valid());
    }

    @Test
    void refusesAPluginThatExportsALibraryThePlatformProvides() throws IOException {
        assertOnlyError(validate(TestJar.validPlugin().header("Export-Package", "com.fasterxml.jackson.databind;version=\"2.19\"")),
                "META-INF/MANIFEST.MF/Export-Package", "exports com.fasterxml.jackson.databind, a package only the platform "
                        + "provides to other bundles",
                "packages of the plugin's own, outside the API and the libraries the platform provides");
    }
}
