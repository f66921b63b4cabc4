package org.aibase.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.aibase.validator.PluginValidator;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportLinesTest {

    @TempDir
    Path dir;

    @Test
    void aValidJarIsOneSummaryLine() throws IOException {
        ValidationReport report = new PluginValidator().validate(jar("notes", "1.2.3", "1.2.3"));

        assertTrue(report.valid(), report.findings().toString());
        assertEquals("notes.jar: valid (notes 1.2.3), 0 error(s), 0 warning(s)", report.headline());
    }

    @Test
    void eachFindingIsALineNamingTheFieldWhatIsWrongAndWhatIsAllowed() throws IOException {
        ValidationReport report = new PluginValidator().validate(jar("Notes!", "1.0", "1.0.0"));

        assertFalse(report.valid());
        assertTrue(report.headline().startsWith("notes.jar: invalid"), report.headline());
        List<String> lines = report.findings().stream().map(org.aibase.validator.Finding::line).toList();
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("error   plugin.yaml/id: ") && l.contains("Notes!")
                && l.contains("(allowed: ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("error   plugin.yaml/version: ") && l.contains("1.0")), lines.toString());
    }

    private Path jar(String id, String descriptorVersion, String bundleVersion) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example.notes");
        main.putValue("Bundle-Version", bundleVersion);
        main.putValue("AIBase-Plugin", "plugin.yaml");
        Path jar = dir.resolve("notes.jar");
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.putNextEntry(new JarEntry("plugin.yaml"));
            out.write(("id: \"" + id + "\"\nname: Notes\nversion: \"" + descriptorVersion + "\"\ncategory: utility\n"
                    + "requires: {platform: \">=1.0.0\"}\npermissions: []\n").getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
