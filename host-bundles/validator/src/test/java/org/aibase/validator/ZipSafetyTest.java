package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZipSafetyTest {

    private static final String SAFE_NAME = "a relative entry name without '..' segments";

    @TempDir
    Path dir;

    private final PluginValidator validator = new PluginValidator();

    @Test
    void refusesAnEntryEscapingWithDotDot() throws IOException {
        assertOnlyError(validate(TestJar.validPlugin().entry("../../etc/cron.d/x", "boom")),
                "../../etc/cron.d/x", "has a '..' segment", SAFE_NAME);
        assertOnlyError(validate(TestJar.validPlugin().entry("lib/..\\..\\x", "boom")),
                "lib/..\\..\\x", "has a '..' segment", SAFE_NAME);
    }

    @Test
    void refusesAnAbsoluteEntry() throws IOException {
        assertOnlyError(validate(TestJar.validPlugin().entry("/etc/passwd", "x")), "/etc/passwd", "is an absolute path", SAFE_NAME);
        assertOnlyError(validate(TestJar.validPlugin().entry("C:/x.dll", "x")), "C:/x.dll", "is an absolute path", SAFE_NAME);
    }

    @Test
    void acceptsDotsThatAreNotSegments() throws IOException {
        assertTrue(validate(TestJar.validPlugin().entry("a..b/c..txt", "x")).valid());
    }

    @Test
    void refusesDuplicateEntries() throws IOException {
        Path file = TestJar.validPlugin().entry("data/one.txt", "1").entry("data/two.txt", "2").writeTo(dir.resolve("hello.jar"));
        TestJar.replaceBytes(file, "data/two.txt", "data/one.txt");

        assertOnlyError(validator.validate(file), "data/one.txt", "appears 2 times in the JAR", "each entry name once");
    }

    @Test
    void refusesTooManyEntries() throws IOException {
        TestJar jar = TestJar.validPlugin();
        for (int i = 0; i < 10_000; i++) {
            jar.entry("e/" + i, new byte[0]);
        }

        // 10,000 empty entries, the manifest, plugin.yaml and the component description
        assertOnlyError(validate(jar), "hello.jar", "has 10003 entries", "at most 10000 entries");
    }

    @Test
    void refusesAZipBombWithoutInflatingIt() throws IOException {
        Path file = TestJar.validPlugin().entry("data/zeros.bin", new byte[2 << 20]).writeTo(dir.resolve("hello.jar"));
        // claims 300 MiB; the data would not even inflate: whoever reads it fails
        TestJar.declareSize(file, "data/zeros.bin", 300L << 20);
        TestJar.corruptData(file, "data/zeros.bin");

        ValidationReport report = validator.validate(file);

        List<Finding> errors = report.findings(Severity.ERROR);
        assertEquals(List.of("data/zeros.bin", "hello.jar"), errors.stream().map(Finding::location).toList(), report.summary());
        assertTrue(errors.get(0).message().startsWith("expands from "), errors.get(0).message());
        assertTrue(errors.get(0).message().contains(" to 300MB ("), errors.get(0).message());
        assertEquals("a compression ratio of at most 200:1 for entries over 1MB", errors.get(0).allowed());
        assertTrue(errors.get(1).message().matches("declares 300\\.\\dMB \\(\\d+ bytes\\) uncompressed in total"),
                errors.get(1).message());
        assertEquals("at most 256MB", errors.get(1).allowed());
        assertTrue(report.descriptor().isPresent(), "the rest of the JAR was still checked");
    }

    @Test
    void refusesAHighlyCompressedEntryBelowTheTotalCap() throws IOException {
        Path file = TestJar.validPlugin().entry("data/zeros.bin", new byte[4 << 20]).writeTo(dir.resolve("hello.jar"));

        ValidationReport report = validator.validate(file);

        Finding finding = Reports.onlyError(report);
        assertEquals("data/zeros.bin", finding.location());
        assertTrue(finding.message().matches("expands from [\\d.]+K?B to 4MB \\(\\d+:1\\): a zip bomb is refused without inflating it"),
                finding.message());
    }

    @Test
    void acceptsCompressibleEntriesUnderTheThreshold() throws IOException {
        assertTrue(validate(TestJar.validPlugin().entry("data/zeros.bin", new byte[1 << 20])).valid());
    }

    @Test
    void readsABombShapedDescriptorOnlyUpToItsCap() throws IOException {
        byte[] yaml = ("id: hello\nversion: 1.0.0\n#" + " ".repeat(3 << 20)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path file = TestJar.plugin("").entry("plugin.yaml", yaml).writeTo(dir.resolve("hello.jar"));

        ValidationReport report = validator.validate(file);

        assertEquals(List.of("plugin.yaml", "plugin.yaml"), report.findings(Severity.ERROR).stream().map(Finding::location).toList());
        assertEquals("is larger than 64 KiB", report.findings(Severity.ERROR).get(1).message());
    }

    @Test
    void refusesAnOversizedManifestWithoutReadingItWhole() throws IOException {
        Path file = dir.resolve("hello.jar");
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("META-INF/MANIFEST.MF"));
            jar.write(("Manifest-Version: 1.0\nX-Padding: " + "a".repeat(70) + "\n").getBytes());
            for (int i = 0; i < 20_000; i++) {
                jar.write((" " + "a".repeat(70) + "\n").getBytes());
            }
            jar.closeEntry();
        }

        ValidationReport report = validator.validate(file);

        // the entry is also refused for its compression ratio; here what matters is that reading stopped at the cap
        assertTrue(report.findings(Severity.ERROR).contains(Finding.error("META-INF/MANIFEST.MF",
                "cannot be read: is larger than 1024 KiB", "an OSGi bundle manifest")), report.summary());
    }

    @Test
    void refusesAnEntryInflatingPastWhatTheDirectoryDeclares() throws IOException {
        Path file = dir.resolve("hello.jar");
        TestJar.validPlugin().writeTo(file);
        // 256 MiB of zeros deflate to ~250 KiB; the directory then claims 100 bytes, under every ratio rule
        try (java.nio.file.FileSystem zip = java.nio.file.FileSystems.newFileSystem(file);
                OutputStream out = Files.newOutputStream(zip.getPath("zeros.bin"))) {
            byte[] chunk = new byte[1 << 20];
            for (int i = 0; i < 256; i++) {
                out.write(chunk);
            }
        }
        TestJar.declareSize(file, "zeros.bin", 100);

        assertOnlyError(validator.validate(file), "zeros.bin",
                "inflates to more than the 100 bytes the zip directory declares for it: a zip bomb is refused as soon as it shows",
                "entries whose data is the size the zip directory declares");
    }

    @Test
    void acceptsEntriesWhoseDataMatchesTheirDeclaredSize() throws IOException {
        assertTrue(validate(TestJar.validPlugin().entry("data/text.txt", "x".repeat(200_000)).entry("empty.txt", "")).valid());
    }

    @Test
    void refusesAnEntryThatCannotBeInflated() throws IOException {
        Path file = TestJar.validPlugin().entry("data/notes.txt", "y".repeat(10_000)).writeTo(dir.resolve("hello.jar"));
        TestJar.corruptData(file, "data/notes.txt");

        Finding finding = Reports.onlyError(validator.validate(file));
        assertEquals("data/notes.txt", finding.location());
        assertTrue(finding.message().startsWith("cannot be inflated: "), finding.message());
        assertEquals("an intact zip entry", finding.allowed());
    }

    @Test
    void refusesASymbolicLink() throws IOException {
        Path file = TestJar.validPlugin().entry("data/secrets", "../../../data/credentials.properties").writeTo(dir.resolve("hello.jar"));
        TestJar.declareUnixMode(file, "data/secrets", 0120777);

        assertOnlyError(validator.validate(file), "data/secrets", "is a symbolic link", "regular files and folders only");
    }

    @Test
    void refusesADeviceOrPipe() throws IOException {
        Path file = TestJar.validPlugin().entry("dev/null", "").entry("dev/fifo", "").writeTo(dir.resolve("hello.jar"));
        TestJar.declareUnixMode(file, "dev/null", 0020666);
        TestJar.declareUnixMode(file, "dev/fifo", 0010644);

        List<Finding> errors = validator.validate(file).findings(Severity.ERROR);
        assertEquals(List.of(Finding.error("dev/null", "is a special file (Unix type 020000)", "regular files and folders only"),
                Finding.error("dev/fifo", "is a special file (Unix type 010000)", "regular files and folders only")), errors);
    }

    @Test
    void acceptsUnixModesOfFilesAndFolders() throws IOException {
        Path file = TestJar.validPlugin().entry("data/", new byte[0]).entry("data/a.txt", "a").writeTo(dir.resolve("hello.jar"));
        TestJar.declareUnixMode(file, "data/", 0040755);
        TestJar.declareUnixMode(file, "data/a.txt", 0100644);

        assertTrue(validator.validate(file).valid());
    }

    private ValidationReport validate(TestJar jar) throws IOException {
        return validator.validate(jar.writeTo(dir.resolve("hello.jar")));
    }
}
