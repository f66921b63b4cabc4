package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

class ManyProblemsTest extends RuleTestSupport {

    @Test
    void reportsEveryProblemOfAJarInOneRun() throws IOException {
        String yaml = """
                id: Billing
                version: 2.0
                colour: blue
                category: games
                capabilities: [Fast]
                requires: {platform: ">=3.0.0"}
                security: isolated
                permissions: [network, root]
                limits: {memory: 1TB, cpu: fast}
                defaults: {nested: {a: 1}}
                """;
        TestJar jar = TestJar.plugin(yaml).header("Export-Package", "org.aibase.api").entry("../x", "y");

        ValidationReport report = validate(jar);

        assertFalse(report.valid());
        assertEquals(List.of(
                "../x",
                "plugin.yaml/colour",
                "plugin.yaml/category",
                "plugin.yaml/permissions",
                "plugin.yaml/limits.cpu",
                "plugin.yaml/defaults.nested", // a mapping without a default: found while reading, like the fields above
                "plugin.yaml/id",
                "plugin.yaml/version",
                "plugin.yaml/capabilities",
                "plugin.yaml/requires.platform",
                "plugin.yaml/permissions",
                "plugin.yaml/network_hosts",
                "plugin.yaml/limits.memory",
                "META-INF/MANIFEST.MF/Export-Package"), report.findings().stream().map(Finding::location).toList(), report.summary());
        assertEquals(1, report.findings(Severity.WARNING).size());
        assertEquals(13, report.toMap().get("errors"));
    }
}
