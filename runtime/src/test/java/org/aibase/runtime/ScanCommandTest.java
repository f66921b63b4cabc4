package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code scan} on plugin JARs compiled at test time, as a hostile author would write them. */
class ScanCommandTest {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void listsASensitiveUseWithItsClassAndMethodAndExits1ForTheRefusedJar() throws Exception {
        MisbehavingPlugin plugin = MisbehavingPlugins.runtimeExec().yaml("permissions: [http]");
        plugin.writeInto(folder);
        assertEquals(ExitStatus.FAILED, scan(plugin.fileName()));
        String text = stdout();
        String evil = MisbehavingPlugins.evilClass(plugin.id());
        assertTrue(text.lines().anyMatch(line -> line.startsWith(evil) && line.contains("run()")
                && line.contains("uses java.lang.Runtime.exec") && line.contains("processes")), text);
        assertTrue(text.contains("http        its REST resources and pages are served"), text);
        assertTrue(text.lines().reduce((a, b) -> b).orElseThrow().startsWith("Verdict: refused — invalid — "), text);
    }

    @Test
    void listsServiceReferencesWithTheGrantAndAsJson() throws Exception {
        MisbehavingPlugin plugin = MisbehavingPlugins.referencesConfigAdmin();
        plugin.writeInto(folder);
        assertEquals(ExitStatus.FAILED, scan("--json", plugin.fileName()));
        JsonNode report = RuntimeClient.JSON.readTree(stdout());
        assertEquals(plugin.id(), report.path("plugin").path("id").asText());
        assertEquals("sandbox", report.path("confined_at").asText());
        JsonNode reference = report.path("services").findParents("direction").stream()
                .filter(s -> s.path("direction").asText().equals("references")).findFirst().orElseThrow();
        assertEquals("org.osgi.service.cm.ConfigurationAdmin", reference.path("service").asText());
        assertEquals(false, reference.path("allowed").asBoolean());
        assertEquals("a service plugins are not granted", reference.path("note").asText());
        assertTrue(report.path("imports").isArray());
        assertEquals(false, report.path("accepted").asBoolean());
        assertEquals(false, report.path("validation").path("valid").asBoolean());
    }

    @Test
    void acceptsTheHelloPlugin() {
        assertEquals(ExitStatus.OK, new ScanCommand(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(List.of(System.getProperty("aibase.test.plugins", "target/plugins") + "/hello.jar"), Path.of("").toAbsolutePath()));
        assertTrue(stdout().contains("Sensitive API uses (refused at sandbox): none"), stdout());
        assertTrue(stdout().contains("Verdict: accepted — valid (hello 1.0.0)"), stdout());
    }

    private int scan(String... args) {
        return new ScanCommand(new PrintStream(out, true, StandardCharsets.UTF_8)).run(List.of(args), folder);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
