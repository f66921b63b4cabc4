package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.SecurityReport.PackageImport;
import org.aibase.validator.SecurityReport.PermissionGrant;
import org.aibase.validator.SecurityReport.SensitiveUse;
import org.aibase.validator.SecurityReport.ServiceUse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The security report lists what the checks decide, item by item, and carries their verdict. */
class SecurityScannerTest {

    @TempDir
    Path dir;

    @Test
    void listsPermissionsImportsServicesAndSensitiveUsesWithTheValidatorsVerdict() throws IOException {
        CompiledClasses classes = CompiledClasses.compile(dir, Map.of("org.example.Exec", """
                package org.example;
                public class Exec {
                    public static void launch() throws Exception { Runtime.getRuntime().exec(new String[] {"true"}); }
                }
                """));
        TestJar jar = classes.addTo(TestJar.withComponent(RuleTestSupport.BASE + "permissions: [http, llm]\n", "",
                "<service><provide interface=\"org.example.Exec\"/></service>"
                        + "<reference name=\"llm\" interface=\"org.aibase.api.llm.LlmService\"/>"
                        + "<reference name=\"jobs\" interface=\"org.aibase.api.jobs.JobService\"/>"), "org.example.Exec")
                .header("Import-Package", "org.aibase.api.llm, org.osgi.framework;resolution:=optional, org.example");

        SecurityReport report = new SecurityScanner().scan(jar.writeTo(dir.resolve("exec.jar")));

        assertEquals("exec.jar", report.file());
        assertEquals(SecurityLevel.SANDBOX, report.confinedAt());
        assertEquals(List.of(new PermissionGrant("llm", "org.aibase.api.llm.LlmService"),
                new PermissionGrant("http", "its REST resources and pages are served under /api/v1/<id>/")), report.permissions());
        assertEquals(List.of(new PackageImport("org.aibase.api.llm", false, true),
                new PackageImport("org.osgi.framework", true, false), new PackageImport("org.example", false, true)),
                report.imports());
        assertTrue(report.services().contains(new ServiceUse("org.example.Greeting", true, "org.example.Exec", "", true, "")),
                report.services().toString());
        assertTrue(report.services().contains(new ServiceUse("org.example.Greeting", false, "org.aibase.api.llm.LlmService", "llm",
                true, "")), report.services().toString());
        assertTrue(report.services().contains(new ServiceUse("org.example.Greeting", false, "org.aibase.api.jobs.JobService", "jobs",
                false, "without permission 'jobs'")), report.services().toString());
        SensitiveUse exec = report.sensitiveUses().stream().filter(u -> u.use().equals("uses java.lang.Runtime.exec"))
                .findFirst().orElseThrow(() -> new AssertionError(report.sensitiveUses().toString()));
        assertEquals("org.example.Exec", exec.className());
        assertEquals("launch()", exec.method());
        assertEquals("processes", exec.family());

        // the verdict is the validator's, and names the same findings
        assertFalse(report.accepted());
        ValidationReport validation = new PluginValidator().validate(dir.resolve("exec.jar"));
        assertEquals(validation, report.validation());
        assertTrue(validation.verdict().contains("uses java.lang.Runtime.exec"), validation.verdict());
        assertTrue(validation.verdict().contains("without permission 'jobs'"), validation.verdict());
        assertEquals(false, report.toMap().get("accepted"));
    }

    @Test
    void anUnreadableJarIsAReportWithTheValidatorsErrorAndNothingListed() throws IOException {
        Path file = java.nio.file.Files.writeString(dir.resolve("broken.jar"), "not a zip");
        SecurityReport report = new SecurityScanner().scan(file);
        assertFalse(report.accepted());
        assertTrue(report.imports().isEmpty() && report.services().isEmpty() && report.sensitiveUses().isEmpty());
        assertTrue(report.validation().verdict().contains("is not a readable JAR"), report.validation().verdict());
    }
}
