package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API verification accepts and which classes it reads: a plugin using every allowed family
 * passes; isolated plugins lose the libraries; trusted ones the operator granted are not verified;
 * nested JARs, multi-release classes and unreadable class files are covered.
 */
class ApiVerificationTest extends RuleTestSupport {

    private static final String QUIT = "public class Quit { public static void stop(int code) { System.exit(code); } }";

    @TempDir
    static Path compiled;

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() throws IOException {
        classes = CompiledClasses.compile(compiled, Map.of(
                "org.example.Everything", AllowedFamilies.SOURCE,
                "org.example.Quit", "package org.example;\n" + QUIT,
                // the example plugins' packages: under org.aibase, but no platform bundle provides them
                "org.aibase.plugin.demo.Own", """
                        package org.aibase.plugin.demo;
                        public class Own {
                            record Pair(int a, int b) { }
                            static int sum(Pair pair) { return pair.a() + pair.b(); }
                            public static int run() { return sum(new Pair(1, 2)); }
                        }
                        """));
    }

    @Test
    void acceptsAPluginThatUsesEveryAllowedFamily() throws IOException {
        ValidationReport report = validate(classes.addTo(TestJar.validPlugin(), "org.example.Everything"));

        assertTrue(report.valid(), report.summary());
        assertEquals(List.of(), report.findings());
    }

    @Test
    void trustsThePluginsOwnClassesInAPackageUnderOrgAibaseThatNoBundleExports() throws IOException {
        ValidationReport report = validate(classes.addTo(TestJar.validPlugin(), "org.aibase.plugin.demo.Own"));

        assertEquals(List.of(), report.findings());
    }

    @Test
    void refusesTheLibrariesToAnIsolatedPlugin() throws IOException {
        TestJar isolated = classes.addTo(TestJar.plugin(BASE + "security: isolated\n"), "org.example.Everything");

        List<Finding> errors = validate(isolated).findings(Severity.ERROR);

        assertTrue(errors.stream().anyMatch(f -> f.message().contains("uses new com.fasterxml.jackson.databind.ObjectMapper(), which "
                + "belongs to package com.fasterxml.jackson.databind, which an isolated plugin cannot wire to")), errors.toString());
        assertTrue(errors.stream().anyMatch(f -> f.message().contains("uses org.slf4j.LoggerFactory.getLogger")), errors.toString());
        // the JDK and the API stay allowed: every refusal is about a library
        errors.forEach(f -> assertTrue(f.message().contains("which an isolated plugin cannot wire to"), f.describe()));
    }

    @Test
    void doesNotVerifyATrustedPluginTheOperatorGrantedButDoesOneWithoutTheGrant() throws IOException {
        TestJar trusted = classes.addTo(TestJar.plugin(BASE + "security: trusted\n"), "org.example.Quit");
        ValidationContext granted = new ValidationContext("1.0.0", Map.of(), Set.of("hello"), PlatformLimits.DEFAULTS, false);

        assertTrue(validate(trusted, granted).valid());
        assertEquals(List.of("plugin.yaml/security", "org/example/Quit.class"),
                validate(trusted).findings(Severity.ERROR).stream().map(Finding::location).toList());
    }

    @Test
    void verifiesNestedJarsOnTheBundleClassPathOnly() throws IOException {
        TestJar jar = TestJar.validPlugin().header("Bundle-ClassPath", ".,lib/evil.jar")
                .entry("lib/evil.jar", classes.library("org.example.Quit"))
                .entry("lib/ignored.jar", classes.library("org.example.Quit")); // not on the class path: never loaded

        Finding finding = Reports.onlyError(validate(jar));

        assertEquals("lib/evil.jar!/org/example/Quit.class", finding.location());
        assertEquals("org.example.Quit.stop(int) uses java.lang.System.exit, which stops the whole platform", finding.message());
        assertEquals("throwing an exception or returning a failed TaskResult", finding.allowed());
    }

    @Test
    void verifiesMultiReleaseClassesAndSkipsModuleInfo() throws IOException {
        TestJar jar = TestJar.validPlugin()
                .entry("META-INF/versions/17/org/example/Quit.class", classes.bytes("org.example.Quit"))
                .entry("module-info.class", "not verified".getBytes(StandardCharsets.UTF_8));

        assertEquals("META-INF/versions/17/org/example/Quit.class", Reports.onlyError(validate(jar)).location());
    }

    @Test
    void refusesAClassFileItCannotRead() throws IOException {
        byte[] truncated = Arrays.copyOf(classes.bytes("org.example.Quit"), 40);
        TestJar jar = TestJar.validPlugin().entry("org/example/Broken.class", "not a class".getBytes(StandardCharsets.UTF_8))
                .entry("org/example/Truncated.class", truncated);

        List<Finding> errors = validate(jar).findings(Severity.ERROR);

        assertEquals(List.of("org/example/Broken.class", "org/example/Truncated.class"), errors.stream().map(Finding::location).toList());
        errors.forEach(e -> assertTrue(e.message().startsWith("is not a class file the verifier can read: "), e.message()));
    }

    @Test
    void findsTheOneRefusedCallAmongAThousandClasses() throws IOException {
        TestJar jar = TestJar.validPlugin();
        byte[] everything = classes.bytes("org.example.Everything");
        for (int i = 0; i < 1000; i++) {
            jar.entry("org/example/many/C" + i + ".class", everything);
        }
        jar.entry("org/example/many/Z.class", classes.bytes("org.example.Quit"));

        assertEquals("org/example/many/Z.class", Reports.onlyError(validate(jar)).location());
    }
}
