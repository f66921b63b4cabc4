package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class PlatformAndLimitsRulesTest extends RuleTestSupport {

    private static final String FORM = "comparisons such as \">=1.0.0\" or \">=1.2.0 <2.0.0\" "
            + "(operators >=, >, <=, <, =; versions X.Y.Z; space-separated means all must hold)";

    @Test
    void acceptsARangeThePlatformSatisfies() throws IOException {
        assertTrue(validate(BASE + "requires: {platform: \">=1.0.0 <2.0.0\"}\n").valid());
        assertTrue(validate(BASE + "requires: {platform: \">= 1.0.0\"}\n").valid());
        assertTrue(validate(BASE + "requires: {platform: \"1.0.0\"}\n").valid());
    }

    @Test
    void refusesARangeThePlatformDoesNotSatisfy() throws IOException {
        assertOnlyError(validate(BASE + "requires: {platform: \">=1.2.0 <2.0.0\"}\n"), "plugin.yaml/requires.platform",
                "'>=1.2.0 <2.0.0' is not satisfied by this platform's version 1.0.0", "a range that includes 1.0.0");
    }

    @Test
    void checksTheRangeAgainstTheContextsPlatformVersion() throws IOException {
        ValidationContext newer = ValidationContext.standalone("2.1.0");

        assertOnlyError(validate(TestJar.plugin(BASE + "requires: {platform: \">=1.0.0 <2.0.0\"}\n"), newer),
                "plugin.yaml/requires.platform", "'>=1.0.0 <2.0.0' is not satisfied by this platform's version 2.1.0",
                "a range that includes 2.1.0");
    }

    @Test
    void refusesAMalformedRangeNamingTheForm() throws IOException {
        assertOnlyError(validate(BASE + "requires: {platform: \"^1.0\"}\n"), "plugin.yaml/requires.platform",
                "'^1.0' is not a version range", FORM);
        assertOnlyError(validate(BASE + "requires: {platform: \">=1.0.0 || >=2.0.0\"}\n"), "plugin.yaml/requires.platform",
                "'>=1.0.0 || >=2.0.0' is not a version range", FORM);
    }

    @Test
    void refusesAContextWhosePlatformVersionIsNotAVersion() {
        assertThrows(IllegalArgumentException.class, () -> new PluginValidator(ValidationContext.standalone("latest")));
    }

    @Test
    void acceptsTheArchitectureExampleLimits() throws IOException {
        ValidationReport report = validate(BASE + "limits: {memory: 256MB, cpu: 0.5, concurrency: 16, storage: 50MB, "
                + "timeout: 30s, jobs: 5, job_timeout: 10m, llm_tokens_per_hour: 200000}\n");

        assertTrue(report.valid(), report.summary());
    }

    @Test
    void refusesALimitAboveThePlatformMaximumNamingLimitValueAndMaximum() throws IOException {
        assertOnlyError(validate(BASE + "limits: {memory: 8GB}\n"), "plugin.yaml/limits.memory",
                "memory 8GB is above the platform's maximum 4GB", "at most 4GB");
        assertOnlyError(validate(BASE + "limits: {storage: 20GB}\n"), "plugin.yaml/limits.storage",
                "storage 20GB is above the platform's maximum 10GB", "at most 10GB");
        assertTrue(validate(BASE + "limits: {job_timeout: 2.5h}\n").valid());
    }

    @Test
    void appliesTheOperatorsMaxima() throws IOException {
        PlatformLimits tight = new PlatformLimits(64L << 20, 1.0, 4, 1L << 30, Duration.ofSeconds(10), 2,
                Duration.ofMinutes(5), 1000);
        ValidationContext context = new ValidationContext("1.0.0", Map.of(), Set.of(), tight, false);
        ValidationReport report = validate(TestJar.plugin(BASE + "limits: {memory: 256MB, cpu: 2, concurrency: 16, "
                + "timeout: 30s, jobs: 5, job_timeout: 10m, llm_tokens_per_hour: 200000, storage: 1GB}\n"), context);

        assertEquals(java.util.List.of(
                Finding.error("plugin.yaml/limits.memory", "memory 256MB is above the platform's maximum 64MB", "at most 64MB"),
                Finding.error("plugin.yaml/limits.cpu", "cpu 2.0 is above the platform's maximum 1.0", "at most 1.0"),
                Finding.error("plugin.yaml/limits.concurrency", "concurrency 16 is above the platform's maximum 4", "at most 4"),
                Finding.error("plugin.yaml/limits.timeout", "timeout 30s is above the platform's maximum 10s", "at most 10s"),
                Finding.error("plugin.yaml/limits.jobs", "jobs 5 is above the platform's maximum 2", "at most 2"),
                Finding.error("plugin.yaml/limits.job_timeout", "job_timeout 10m is above the platform's maximum 5m", "at most 5m"),
                Finding.error("plugin.yaml/limits.llm_tokens_per_hour",
                        "llm_tokens_per_hour 200000 is above the platform's maximum 1000", "at most 1000")),
                report.findings());
    }

    @Test
    void refusesLimitsThatAreNotPositive() throws IOException {
        assertOnlyError(validate(BASE + "limits: {cpu: 0}\n"), "plugin.yaml/limits.cpu", "cpu 0.0 is not positive",
                "more than 0, at most 4.0");
        assertOnlyError(validate(BASE + "limits: {concurrency: -3}\n"), "plugin.yaml/limits.concurrency",
                "concurrency -3 is not positive", "more than 0, at most 256");
        assertOnlyError(validate(BASE + "limits: {memory: 0MB}\n"), "plugin.yaml/limits.memory", "memory 0B is not positive",
                "more than 0, at most 4GB");
        assertOnlyError(validate(BASE + "limits: {timeout: 0s}\n"), "plugin.yaml/limits.timeout", "timeout 0s is not positive",
                "more than 0, at most 10m");
    }

    @Test
    void refusesDefaultsThatAreNotSingleValuesOrListsOfThem() throws IOException {
        assertOnlyError(validate(BASE + "defaults: {nested: {a: 1}}\n"), "plugin.yaml/defaults.nested", "is a mapping without a default",
                "a value, or a mapping of default and optional min, max, enum, pattern");
        assertOnlyError(validate(BASE + "defaults: {nested: {default: {a: 1}}}\n"), "plugin.yaml/defaults.nested", "is a mapping",
                "text, a number, true/false, or a list of those");
        assertOnlyError(validate(BASE + "defaults: {rows: [[1, 2]]}\n"), "plugin.yaml/defaults.rows",
                "is a list with an element that is not a single value", "text, a number, true/false, or a list of those");
        assertOnlyError(validate(BASE + "defaults:\n  unset:\n"), "plugin.yaml/defaults.unset", "is empty",
                "text, a number, true/false, or a list of those");
    }

    @Test
    void acceptsTypedDefaults() throws IOException {
        ValidationReport report = validate(BASE + "defaults: {max_data_points: 10000, generate_charts: true, "
                + "ratio: 0.25, title: Report, models: [gpt, claude]}\n");

        assertTrue(report.valid(), report.summary());
        assertEquals(Map.of("max_data_points", 10000, "generate_charts", true, "ratio", 0.25, "title", "Report",
                "models", java.util.List.of("gpt", "claude")), report.descriptor().orElseThrow().defaults());
    }
}
