package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.aibase.api.plugin.Category;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.api.plugin.SecurityLevel;
import org.junit.jupiter.api.Test;

/** Every field of the descriptor is read into the record, with its type checked. */
class DescriptorFieldsTest {

    private static final String FULL = """
            id: analytics
            name: AI Analytics
            version: 1.0.0
            description: AI-powered data analytics
            author: AI Base
            email: team@example.org
            website: https://example.org
            documentation_url: https://example.org/docs
            support_url: https://example.org/support
            license: Apache-2.0
            category: analytics
            tags: [statistics, insights]
            capabilities: [data_analysis, ai_insights]
            dependencies: ["commons-math3>=3.6"]
            requires: {platform: ">=1.0.0"}
            security: isolated
            permissions: [llm, storage, jobs, http]
            network_hosts: []
            limits:
              memory: 256MB
              cpu: 0.5
              concurrency: 16
              storage: 50MB
              timeout: 30s
              jobs: 5
              job_timeout: 10m
              llm_tokens_per_hour: 200000
            defaults:
              max_data_points: 10000
              generate_charts: true
              models: [gpt, claude]
            """;

    private final DescriptorReader reader = new DescriptorReader();

    @Test
    void readsEveryFieldOfTheArchitectureExample() {
        DescriptorReading reading = read(FULL);

        assertEquals(List.of(), reading.findings());
        Map<String, String> contacts = new LinkedHashMap<>();
        contacts.put("email", "team@example.org");
        contacts.put("website", "https://example.org");
        contacts.put("documentation_url", "https://example.org/docs");
        contacts.put("support_url", "https://example.org/support");
        contacts.put("license", "Apache-2.0");
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("max_data_points", 10000);
        defaults.put("generate_charts", true);
        defaults.put("models", List.of("gpt", "claude"));
        ResourceLimits limits = new ResourceLimits(OptionalLong.of(256L << 20), OptionalDouble.of(0.5), OptionalInt.of(16),
                OptionalLong.of(50L << 20), Optional.of(Duration.ofSeconds(30)), OptionalInt.of(5),
                Optional.of(Duration.ofMinutes(10)), OptionalLong.of(200_000));
        assertEquals(new PluginDescriptor("analytics", "AI Analytics", "1.0.0", "AI-powered data analytics", "AI Base",
                contacts, Category.ANALYTICS, List.of("statistics", "insights"), List.of("data_analysis", "ai_insights"),
                List.of("commons-math3>=3.6"), ">=1.0.0", SecurityLevel.ISOLATED,
                EnumSet.of(Permission.LLM, Permission.STORAGE, Permission.JOBS, Permission.HTTP), List.of(), limits, defaults),
                reading.descriptor().orElseThrow());
    }

    @Test
    void keepsTheOrderOfDefaults() {
        PluginDescriptor d = read(FULL).descriptor().orElseThrow();

        assertEquals(List.of("max_data_points", "generate_charts", "models"), List.copyOf(d.defaults().keySet()));
    }

    @Test
    void reportsEveryWrongTypeAsAnErrorAtItsField() {
        DescriptorReading reading = read("""
                id: hello
                version: 1.0.0
                name: [a, b]
                tags: solo
                capabilities: [{a: 1}]
                requires: ">=1.0.0"
                limits: {memory: lots, cpu: fast, concurrency: 1.5, timeout: 30, llm_tokens_per_hour: 99999999999999999999}
                defaults: [a, b]
                """);

        assertEquals(List.of(
                Finding.error("plugin.yaml/name", "is a list, not a single value", "text"),
                Finding.error("plugin.yaml/tags", "is text, not a list", "a list of text values"),
                Finding.error("plugin.yaml/capabilities", "'{a=1}' is a mapping, not a single value", "a list of text values"),
                Finding.error("plugin.yaml/requires", "is text, not a mapping", "a mapping such as {platform: \">=1.0.0\"}"),
                Finding.error("plugin.yaml/limits.memory", "'lots' is not a size",
                        "a size: a number with B, KB, MB, GB or TB (1024-based), e.g. 256MB"),
                Finding.error("plugin.yaml/limits.cpu", "'fast' is not a number", "a number of cores such as 0.5 or 2"),
                Finding.error("plugin.yaml/limits.concurrency", "'1.5' is not a whole number", "a whole number such as 16"),
                Finding.error("plugin.yaml/limits.timeout", "'30' is not a duration", "a duration: a number with ms, s, m or h, e.g. 30s"),
                Finding.error("plugin.yaml/limits.llm_tokens_per_hour", "'99999999999999999999' is not a whole number",
                        "a whole number such as 16"),
                Finding.error("plugin.yaml/defaults", "is a list, not a mapping", "a mapping such as {max_items: 100, charts: true}")),
                reading.findings());
        PluginDescriptor d = reading.descriptor().orElseThrow();
        assertEquals("hello", d.name(), "a wrong name falls back to the id");
        assertEquals(ResourceLimits.NONE, d.limits());
    }

    @Test
    void warnsAboutUnknownNestedKeys() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\nlimits: {memroy: 1GB}\nrequires: {platfrom: \">=1.0.0\"}\n");

        assertEquals(List.of("plugin.yaml/requires.platfrom", "plugin.yaml/limits.memroy"),
                reading.findings().stream().map(Finding::location).toList());
        assertTrue(reading.findings().stream().allMatch(f -> f.severity() == Severity.WARNING));
    }

    @Test
    void refusesADateWhereTextIsExpected() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\ndescription: 2024-01-01\n");

        assertEquals(List.of(Finding.error("plugin.yaml/description", "is a date (quote it to make it text), not a single value",
                "text")), reading.findings());
    }

    @Test
    void refusesADefaultsKeyThatIsNotAName() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\ndefaults: {1: one}\n");

        assertEquals(List.of(Finding.error("plugin.yaml/defaults", "key '1' is a number, not a name", "names such as max_items")),
                reading.findings());
    }

    @Test
    void refusesDeepNesting() {
        DescriptorReading reading = read("id: hello\nversion: 1.0.0\ndefaults: {x: " + "[".repeat(30) + "]".repeat(30) + "}\n");

        assertTrue(reading.descriptor().isEmpty());
        assertEquals("plugin.yaml", reading.findings().get(0).location());
        assertTrue(reading.findings().get(0).message().startsWith("is not valid YAML"), reading.findings().toString());
    }

    private DescriptorReading read(String yaml) {
        return reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
