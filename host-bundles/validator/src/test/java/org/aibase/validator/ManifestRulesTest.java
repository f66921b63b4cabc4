package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ManifestRulesTest extends RuleTestSupport {

    private static final String XML = "OSGI-INF/org.example.Greeting.xml";

    @Test
    void refusesAnExportOfAPlatformPackage() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Export-Package",
                "org.example.api;version=\"1.0\";uses:=\"org.aibase.api.plugin,org.example.x\",org.aibase.api.plugin;version=\"1.0.0\""));

        assertOnlyError(report, "META-INF/MANIFEST.MF/Export-Package", "exports org.aibase.api.plugin, a platform package",
                "packages outside org.aibase.* (or no export at all)");
    }

    @Test
    void refusesAFragment() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Fragment-Host",
                "org.aibase.rest;bundle-version=\"[1.0,2)\""));

        assertOnlyError(report, "META-INF/MANIFEST.MF/Fragment-Host",
                "makes the JAR a fragment of org.aibase.rest; fragments join their host's class loader and are not deployed",
                "a bundle of its own (no Fragment-Host header)");
    }

    @Test
    void acceptsExportsOutsideThePlatform() throws IOException {
        assertTrue(validate(TestJar.validPlugin().header("Export-Package", "org.example.api;version=\"1.0\",org.aibasement")).valid());
    }

    @Test
    void refusesAnEndpointOfAnotherPlugin() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Service-Component", XML)
                .entry(XML, component("<property name=\"aibase.plugin.endpoint\" type=\"String\" value=\"billing\"/>")));

        assertOnlyError(report, XML, "component org.example.Greeting has @PluginEndpoint(\"billing\"), not the plugin id 'hello'",
                "@PluginEndpoint(\"hello\")");
    }

    @Test
    void acceptsEndpointsOfItsOwnIdAndOtherProperties() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Service-Component", XML)
                .entry(XML, component("<property name=\"aibase.plugin.endpoint\" type=\"String\" value=\"hello\"/>"
                        + "<property name=\"other\" value=\"billing\"/>")));

        assertTrue(report.valid(), report.summary());
    }

    @Test
    void readsMultiValuedPropertiesAndWildcardPaths() throws IOException {
        ValidationReport report = validate(TestJar.validPlugin().header("Service-Component", "OSGI-INF/*.xml")
                .entry(XML, component("<property name=\"aibase.plugin.endpoint\" type=\"String\">hello\n  other\n</property>")));

        assertOnlyError(report, XML, "component org.example.Greeting has @PluginEndpoint(\"other\"), not the plugin id 'hello'",
                "@PluginEndpoint(\"hello\")");
    }

    @Test
    void refusesAComponentDescriptionThatIsMissing() throws IOException {
        assertOnlyError(validate(TestJar.validPlugin().header("Service-Component", XML).without(XML)),
                "META-INF/MANIFEST.MF/Service-Component", "names " + XML + ", which is not in the JAR",
                "paths of component descriptions in the JAR");
    }

    @Test
    void refusesExternalEntitiesInComponentDescriptions() throws IOException {
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"c\">"
                + "<property name=\"aibase.plugin.endpoint\" value=\"&x;\"/></scr:component>";

        Finding finding = Reports.onlyError(validate(TestJar.validPlugin().header("Service-Component", XML).entry(XML, xxe)));

        assertEquals(XML, finding.location());
        assertTrue(finding.message().startsWith("cannot be read: is not well-formed XML"), finding.message());
        assertTrue(finding.message().contains("DOCTYPE"), finding.message());
    }

    @Test
    void acceptsALibraryBundleWhenLibrariesAreAllowedWithAWarning() throws IOException {
        ValidationContext libraries = new ValidationContext("1.0.0", Map.of(), Set.of(), PlatformLimits.DEFAULTS, true);

        ValidationReport report = validate(TestJar.plugin("").without("plugin.yaml").header("AIBase-Plugin", null), libraries);

        assertTrue(report.valid(), report.summary());
        assertTrue(report.descriptor().isEmpty());
        assertEquals(List.of(Finding.warning("META-INF/MANIFEST.MF",
                "has no AIBase-Plugin header: the JAR is installed as a library bundle, not as a plugin", "")), report.findings());
    }

    @Test
    void refusesALibraryBundleByDefault() throws IOException {
        assertOnlyError(validate(TestJar.plugin("").without("plugin.yaml").header("AIBase-Plugin", null)),
                "META-INF/MANIFEST.MF", "has no AIBase-Plugin header: the JAR is not a plugin", "AIBase-Plugin: plugin.yaml");
    }

    @Test
    void stillRefusesALibraryThatExportsPlatformPackages() throws IOException {
        ValidationContext libraries = new ValidationContext("1.0.0", Map.of(), Set.of(), PlatformLimits.DEFAULTS, true);

        ValidationReport report = validate(TestJar.plugin("").without("plugin.yaml").header("AIBase-Plugin", null)
                .header("Export-Package", "org.aibase.api"), libraries);

        assertEquals(List.of("META-INF/MANIFEST.MF/Export-Package"),
                report.findings(Severity.ERROR).stream().map(Finding::location).toList());
    }

    private static String component(String properties) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.Greeting\">\n"
                + properties + "\n<implementation class=\"org.example.Greeting\"/>\n</scr:component>\n";
    }
}
