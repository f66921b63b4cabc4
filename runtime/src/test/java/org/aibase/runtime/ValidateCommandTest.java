package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void exitsZeroAndSaysValidWhenEveryJarIsValid() throws IOException {
        plugin("hello.jar", "id: hello\nname: Hello\nversion: 1.0.0\n");

        assertEquals(0, run("validate", "hello.jar"));
        assertEquals("hello.jar: valid (hello 1.0.0), 0 error(s), 0 warning(s)\n", stdout());
    }

    @Test
    void exitsOneAndPrintsEachFindingOnItsOwnLine() throws IOException {
        plugin("hello.jar", "id: hello\nversion: 1.0.0\n");
        plugin("bad.jar", "id: bad\nversion: 1.0.0\npermissions: [htp]\ncolour: blue\n");

        assertEquals(1, run("validate", "hello.jar", "bad.jar"));
        List<String> lines = stdout().lines().toList();
        assertEquals(List.of(
                "hello.jar: valid (hello 1.0.0), 0 error(s), 0 warning(s)",
                "bad.jar: invalid (bad 1.0.0), 1 error(s), 1 warning(s)",
                "  warning plugin.yaml/colour: is not a known field and is ignored (allowed: " + fields() + ")",
                "  error   plugin.yaml/permissions: 'htp' is not a permission "
                        + "(allowed: llm, storage, jobs, http, metrics.read, network, files)"), lines);
    }

    @Test
    void printsAJsonArrayOfReportsWithJson() throws IOException {
        plugin("hello.jar", "id: hello\nversion: 1.0.0\n");

        assertEquals(1, run("validate", "--json", "hello.jar", "missing.jar"));
        JsonNode reports = new ObjectMapper().readTree(stdout());
        assertEquals(2, reports.size());
        assertEquals("hello.jar", reports.get(0).get("file").asText());
        assertTrue(reports.get(0).get("valid").asBoolean());
        assertEquals("hello", reports.get(0).get("plugin").get("id").asText());
        assertEquals("missing.jar", reports.get(1).get("file").asText());
        assertEquals(1, reports.get(1).get("errors").asInt());
        assertEquals("error", reports.get(1).get("findings").get(0).get("severity").asText());
        assertTrue(reports.get(1).get("findings").get(0).get("message").asText().startsWith("is not a readable JAR"));
    }

    @Test
    void exitsTwoWithoutFiles() {
        assertEquals(2, run("validate", "--json"));
        assertTrue(stderr().startsWith("aibase: validate needs at least one JAR file"), stderr());
        assertTrue(stderr().contains("validate JAR... [--json]"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void exitsTwoOnAnUnknownOption() throws IOException {
        plugin("hello.jar", "id: hello\nversion: 1.0.0\n");

        assertEquals(2, run("validate", "hello.jar", "--yaml"));
        assertTrue(stderr().startsWith("aibase: unknown option --yaml (allowed: --json)"), stderr());
        assertEquals("", stdout());
    }

    private int run(String command, String... args) {
        assertEquals("validate", command);
        return new ValidateCommand(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(List.of(args), dir);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    private static String fields() {
        return "id, name, version, description, author, email, website, documentation_url, support_url, license, "
                + "category, tags, capabilities, dependencies, requires, security, permissions, network_hosts, limits, defaults, tasks, ui";
    }

    private void plugin(String file, String yaml) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example." + file.replace(".jar", ""));
        main.putValue("Bundle-Version", "1.0.0");
        main.putValue("AIBase-Plugin", "plugin.yaml");
        try (OutputStream o = Files.newOutputStream(dir.resolve(file)); JarOutputStream jar = new JarOutputStream(o, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.yaml"));
            jar.write(yaml.getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
        }
    }
}
