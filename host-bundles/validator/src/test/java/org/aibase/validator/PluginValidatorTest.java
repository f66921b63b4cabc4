package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginValidatorTest {

    @TempDir
    Path dir;

    private final PluginValidator validator = new PluginValidator();

    @Test
    void acceptsAValidPlugin() throws IOException {
        ValidationReport report = validator.validate(TestJar.validPlugin().writeTo(dir.resolve("hello.jar")));

        assertTrue(report.valid(), report.summary());
        assertEquals(List.of(), report.findings());
        assertEquals(new PluginDescriptor("hello", "Hello", "1.0.0", Set.of(Permission.HTTP)), report.descriptor().orElseThrow());
        assertEquals("hello.jar: valid (hello 1.0.0)", report.summary());
    }

    @Test
    void refusesAFileThatIsNotAZip() throws IOException {
        Path file = Files.writeString(dir.resolve("hello.jar"), "not a zip at all");

        ValidationReport report = validator.validate(file);

        Finding finding = onlyError(report);
        assertEquals("hello.jar", finding.location());
        assertTrue(finding.message().startsWith("is not a readable JAR (zip) file"), finding.message());
        assertTrue(report.descriptor().isEmpty());
    }

    @Test
    void refusesATruncatedJar() throws IOException {
        byte[] whole = Files.readAllBytes(TestJar.validPlugin().writeTo(dir.resolve("whole.jar")));
        Path half = Files.write(dir.resolve("half.jar"), Arrays.copyOf(whole, whole.length / 2));

        Finding finding = onlyError(validator.validate(half));

        assertEquals("half.jar", finding.location());
    }

    @Test
    void refusesAMissingFileWithoutThrowing() {
        Finding finding = onlyError(validator.validate(dir.resolve("gone.jar")));

        assertEquals("gone.jar", finding.location());
    }

    @Test
    void refusesAJarWithoutManifest() throws IOException {
        ValidationReport report = validator.validate(TestJar.validPlugin().withoutManifest().writeTo(dir.resolve("a.jar")));

        assertFalse(report.valid());
        Finding first = report.findings(Severity.ERROR).get(0);
        assertEquals("META-INF/MANIFEST.MF", first.location());
        assertTrue(first.message().startsWith("is missing"), first.message());
    }

    @Test
    void refusesAPlainJarThatIsNotABundle() throws IOException {
        ValidationReport report = validator.validate(TestJar.validPlugin()
                .header("Bundle-ManifestVersion", null).header("Bundle-SymbolicName", null).writeTo(dir.resolve("a.jar")));

        List<Finding> errors = report.findings(Severity.ERROR);
        assertEquals(2, errors.size(), report.summary());
        assertEquals("META-INF/MANIFEST.MF", errors.get(0).location());
        assertTrue(errors.get(0).message().contains("Bundle-ManifestVersion"));
        assertEquals("Bundle-ManifestVersion: 2", errors.get(0).allowed());
        assertTrue(errors.get(1).message().contains("Bundle-SymbolicName"));
    }

    @Test
    void refusesManifestVersionOne() throws IOException {
        Finding finding = onlyError(validator.validate(
                TestJar.validPlugin().header("Bundle-ManifestVersion", "1").writeTo(dir.resolve("a.jar"))));

        assertEquals("has Bundle-ManifestVersion '1'", finding.message());
    }

    @Test
    void refusesABundleWithoutThePluginHeader() throws IOException {
        ValidationReport report = validator.validate(
                TestJar.validPlugin().header("AIBase-Plugin", null).writeTo(dir.resolve("lib.jar")));

        Finding finding = onlyError(report);
        assertEquals("META-INF/MANIFEST.MF", finding.location());
        assertEquals("has no AIBase-Plugin header: the JAR is not a plugin", finding.message());
        assertEquals("AIBase-Plugin: plugin.yaml", finding.allowed());
    }

    @Test
    void refusesAPluginHeaderNamingAnotherFile() throws IOException {
        Finding finding = onlyError(validator.validate(
                TestJar.validPlugin().header("AIBase-Plugin", "other.yaml").writeTo(dir.resolve("a.jar"))));

        assertEquals("has AIBase-Plugin 'other.yaml'", finding.message());
    }

    @Test
    void refusesAMissingDescriptor() throws IOException {
        ValidationReport report = validator.validate(TestJar.validPlugin().without("plugin.yaml").writeTo(dir.resolve("a.jar")));

        Finding finding = onlyError(report);
        assertEquals("plugin.yaml", finding.location());
        assertEquals("is missing from the JAR root", finding.message());
        assertTrue(report.descriptor().isEmpty());
    }

    @Test
    void refusesAnUnknownPermissionAndSaysWhatIsAllowed() throws IOException {
        ValidationReport report = validator.validate(
                TestJar.plugin("id: hello\nversion: 1.0.0\npermissions: [htp]\n").writeTo(dir.resolve("hello.jar")));

        Finding finding = onlyError(report);
        assertEquals("plugin.yaml/permissions", finding.location());
        assertEquals("'htp' is not a permission", finding.message());
        assertEquals("llm, storage, jobs, http, metrics.read, network, files", finding.allowed());
        assertEquals("hello.jar: invalid — plugin.yaml/permissions: 'htp' is not a permission "
                + "(allowed: llm, storage, jobs, http, metrics.read, network, files)", report.summary());
        assertTrue(report.descriptor().orElseThrow().permissions().isEmpty(), "an unknown permission is not granted");
    }

    @Test
    void reportsEveryProblemInOneRun() throws IOException {
        ValidationReport report = validator.validate(TestJar.plugin("name: x\npermissions: [htp]\n")
                .header("Bundle-SymbolicName", null).writeTo(dir.resolve("a.jar")));

        assertEquals(List.of("META-INF/MANIFEST.MF", "plugin.yaml/id", "plugin.yaml/version", "plugin.yaml/permissions"),
                report.findings(Severity.ERROR).stream().map(Finding::location).toList());
    }

    private static Finding onlyError(ValidationReport report) {
        List<Finding> errors = report.findings(Severity.ERROR);
        assertEquals(1, errors.size(), report.summary());
        assertFalse(report.valid());
        return errors.get(0);
    }
}
