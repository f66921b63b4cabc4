package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IdAndVersionRulesTest extends RuleTestSupport {

    private static final String ID_FORM = "[a-z][a-z0-9_]{1,39}: 2 to 40 lower-case letters, digits or '_', starting with a letter";

    @Test
    void refusesAnIdOutsideThePattern() throws IOException {
        assertOnlyError(validate("id: Hello-World\nversion: 1.0.0\n"), "plugin.yaml/id", "'Hello-World' is not a plugin id", ID_FORM);
        assertOnlyError(validate("id: h\nversion: 1.0.0\n"), "plugin.yaml/id", "'h' is not a plugin id", ID_FORM);
        assertOnlyError(validate("id: " + "a".repeat(41) + "\nversion: 1.0.0\n"), "plugin.yaml/id",
                "'" + "a".repeat(41) + "' is not a plugin id", ID_FORM);
        assertOnlyError(validate("id: 9lives\nversion: 1.0.0\n"), "plugin.yaml/id", "'9lives' is not a plugin id", ID_FORM);
    }

    @Test
    void refusesAReservedId() throws IOException {
        for (String reserved : new String[] {"plugins", "validate", "session", "static"}) {
            Finding finding = Reports.onlyError(validate("id: " + reserved + "\nversion: 1.0.0\n"));
            assertEquals("plugin.yaml/id", finding.location());
            assertEquals("'" + reserved + "' is reserved for a platform path", finding.message());
            assertTrue(finding.allowed().endsWith("plugins, jobs, llm, health, validate, deployments, metrics, system, ui, "
                    + "web, api, static, session, docs, logs"), finding.allowed());
        }
    }

    @Test
    void refusesAnIdInstalledFromAnotherFileNamingBothFiles() throws IOException {
        ValidationContext context = new ValidationContext("1.0.0", Map.of("hello", "greeter.jar"), Set.of(),
                PlatformLimits.DEFAULTS, false);

        assertOnlyError(validate(TestJar.validPlugin(), context), "plugin.yaml/id",
                "'hello' is already installed from greeter.jar; hello.jar cannot install it a second time",
                "replace greeter.jar to update the plugin, or choose another id");
    }

    @Test
    void acceptsAnUpdateFromTheSameFile() throws IOException {
        ValidationContext context = new ValidationContext("1.0.0", Map.of("hello", "hello.jar", "other", "x.jar"),
                Set.of(), PlatformLimits.DEFAULTS, false);

        assertTrue(validate(TestJar.validPlugin(), context).valid());
    }

    @Test
    void refusesAVersionThatIsNotXyz() throws IOException {
        // YAML reads 1.0 as a number; the message shows what was read
        assertOnlyError(validate("id: hello\nversion: 1.0\n"), "plugin.yaml/version", "'1.0' is not a version",
                "a version X.Y.Z such as 1.2.0");
        assertOnlyError(validate("id: hello\nversion: 1.0.0-beta\n"), "plugin.yaml/version", "'1.0.0-beta' is not a version",
                "a version X.Y.Z such as 1.2.0");
    }

    @Test
    void refusesAVersionDifferentFromBundleVersion() throws IOException {
        assertOnlyError(validate(TestJar.plugin(BASE).header("Bundle-Version", "1.1.0")), "plugin.yaml/version",
                "'1.0.0' differs from Bundle-Version '1.1.0'",
                "the same major.minor.micro in both: 1.1.0 in plugin.yaml or 1.0.0 as Bundle-Version");
    }

    @Test
    void comparesOnlyMajorMinorMicroOfBundleVersion() throws IOException {
        assertTrue(validate(TestJar.plugin(BASE).header("Bundle-Version", "1.0.0.SNAPSHOT")).valid());
        assertTrue(validate(TestJar.plugin("id: hello\nversion: 1.0.0\n").header("Bundle-Version", "1")).valid());
    }

    @Test
    void refusesAMalformedBundleVersion() throws IOException {
        assertOnlyError(validate(TestJar.plugin(BASE).header("Bundle-Version", "one")), "META-INF/MANIFEST.MF/Bundle-Version",
                "'one' is not an OSGi version", "major.minor.micro[.qualifier], e.g. 1.0.0");
    }

    @Test
    void reportsAMissingVersionOnce() throws IOException {
        assertOnlyError(validate("id: hello\n"), "plugin.yaml/version", "is missing",
                "a version X.Y.Z equal to Bundle-Version's major.minor.micro");
    }
}
