package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.ConfigurationRule;
import org.aibase.api.plugin.PluginDescriptor;
import org.junit.jupiter.api.Test;

/** {@code defaults} keys that state a rule: read into the descriptor, and every rule that cannot hold refused. */
class ConfigurationRulesTest {

    private static final String SHAPE = "a value, or a mapping of default and optional min, max, enum, pattern";

    private final DescriptorReader reader = new DescriptorReader();

    @Test
    void readsRulesBesidePlainDefaults() {
        DescriptorReading reading = read("""
                max_points: {default: 500, min: 1, max: 5000}
                depth: {default: detailed, enum: [basic, detailed]}
                audience: {default: World, pattern: "[A-Za-z ]{1,40}"}
                temperature: {default: 0.3, min: 0}
                charts: true
                """);

        assertEquals(List.of(), reading.findings());
        PluginDescriptor d = reading.descriptor().orElseThrow();
        assertEquals(Map.of("max_points", 500, "depth", "detailed", "audience", "World", "temperature", 0.3, "charts", true), d.defaults());
        assertEquals(List.of("max_points", "depth", "audience", "temperature", "charts"), List.copyOf(d.defaults().keySet()), "declared order kept");
        assertEquals(new ConfigurationRule(Optional.of(BigDecimal.ONE), Optional.of(new BigDecimal(5000)), List.of(), Optional.empty()),
                d.configurationRule("max_points"));
        assertEquals(List.of("basic", "detailed"), d.configurationRule("depth").allowed());
        assertEquals(Optional.of("[A-Za-z ]{1,40}"), d.configurationRule("audience").pattern());
        assertEquals(ConfigurationRule.NONE, d.configurationRule("charts"));
        assertEquals("from 1 to 5000", d.configurationRule("max_points").describe());
        assertEquals("at least 0", d.configurationRule("temperature").describe());
    }

    @Test
    void aRuleJudgesValuesInTheOperatorsTerms() {
        PluginDescriptor d = read("n: {default: 5, min: 1, max: 10}\nd: {default: a, enum: [a, b]}\nt: {default: x, pattern: \"[a-z]+\"}\n"
                + "l: {default: [1, 2], max: 3}\n").descriptor().orElseThrow();

        assertEquals(Optional.of("must be from 1 to 10, not -1"), d.configurationRule("n").refusal(-1));
        assertEquals(Optional.of("must be from 1 to 10, not 10.5"), d.configurationRule("n").refusal(10.5));
        assertEquals(Optional.empty(), d.configurationRule("n").refusal(10L), "inclusive, whatever the number's Java type");
        assertEquals(Optional.of("must be one of 'a', 'b', not 'c'"), d.configurationRule("d").refusal("c"));
        assertEquals(Optional.of("must be text matching [a-z]+, not 'X1'"), d.configurationRule("t").refusal("X1"));
        assertEquals(Optional.of("must be at most 3, not 4 (in the list)"), d.configurationRule("l").refusal(List.of(1, 4)));
    }

    @Test
    void refusesADefaultThatBreaksItsOwnRule() {
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.default", "breaks its own rule: it must be from 1 to 10, not 0",
                "from 1 to 10")), read("n: {default: 0, min: 1, max: 10}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.d.default", "breaks its own rule: it must be one of 'a', 'b', not 'c'",
                "one of 'a', 'b'")), read("d: {default: c, enum: [a, b]}\n").findings());
    }

    @Test
    void refusesBoundsThatCannotHold() {
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.max", "is below min 10", "a max at least as large as min")),
                read("n: {default: 10, min: 10, max: 2}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.min", "is text, not a number", "a number such as 1 or 0.5")),
                read("n: {default: 10, min: one}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.t.min", "bounds a number, but the default is text",
                "min and max for numeric keys only")), read("t: {default: x, min: 1}\n").findings());
    }

    @Test
    void refusesAPatternThatIsNotOneOrMatchesNoText() {
        List<Finding> broken = read("t: {default: x, pattern: \"[a-z\"}\n").findings();
        assertEquals(1, broken.size(), broken.toString());
        assertEquals("plugin.yaml/defaults.t.pattern", broken.get(0).location());
        assertTrue(broken.get(0).message().startsWith("is not a regular expression: Unclosed character class"), broken.toString());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.pattern", "matches text, but the default is a number",
                "a Java regular expression of at most 500 characters, for text keys")), read("n: {default: 1, pattern: \"\\\\d+\"}\n").findings());
        assertEquals("is longer than 500 characters", read("t: {default: x, pattern: \"" + "x".repeat(501) + "\"}\n").findings().get(0).message());
    }

    @Test
    void refusesAnEnumOfTheWrongShape() {
        String shape = "a non-empty list of values of the default's type";
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.d.enum", "is an empty list", shape)), read("d: {default: a, enum: []}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.d.enum", "is text", shape)), read("d: {default: a, enum: a}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.enum", "has a value that is not a number", shape)),
                read("n: {default: 1, enum: [1, two]}\n").findings());
        assertEquals(List.of(), read("n: {default: 1, enum: [1, 2.5, 3]}\n").findings(), "whole and decimal numbers mix");
    }

    @Test
    void refusesAMappingWithoutADefaultOrWithUnknownParts() {
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n", "is a mapping without a default", SHAPE)),
                read("n: {min: 1}\n").findings());
        assertEquals(List.of(Finding.error("plugin.yaml/defaults.n.maximum", "is not part of a rule", "default, min, max, enum, pattern")),
                read("n: {default: 1, maximum: 3}\n").findings(), "a misspelt bound would silently allow anything");
    }

    private DescriptorReading read(String defaults) {
        String yaml = "id: hello\nversion: 1.0.0\ndefaults:\n" + defaults.indent(2);
        return reader.read(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }
}
