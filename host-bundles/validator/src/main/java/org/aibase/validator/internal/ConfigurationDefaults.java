package org.aibase.validator.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.aibase.api.plugin.ConfigurationRule;

/**
 * Reads {@code defaults}: each key is either its default value, or a mapping of the default and
 * its rule ({@code {default: 500, min: 1, max: 5000}}, {@code {default: detailed, enum: [basic, detailed]}},
 * {@code {default: World, pattern: "[A-Za-z ]{1,40}"}}). A rule must fit its default's type and the
 * default must keep its own rule: a rule the plugin could never satisfy is an error here, not a
 * surprise when the operator first changes a value.
 */
final class ConfigurationDefaults {

    static final int MAX_PATTERN_CHARS = 500;

    private static final Set<String> RULE_KEYS = Set.of("default", "min", "max", "enum", "pattern");
    private static final String RULE_SHAPE = "a value, or a mapping of default and optional min, max, enum, pattern";

    /** The default values by key, and the rules of the keys that declare one. */
    record Read(Map<String, Object> defaults, Map<String, ConfigurationRule> rules) {
    }

    private ConfigurationDefaults() {
    }

    static Read read(DescriptorFields descriptor) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, ConfigurationRule> rules = new LinkedHashMap<>();
        Map<String, Object> declared = descriptor.values("defaults", "a mapping such as {max_items: 100, charts: true}");
        if (declared.isEmpty()) {
            return new Read(defaults, rules);
        }
        DescriptorFields keys = descriptor.mapping("defaults", "").orElseThrow(); // a mapping: values() read it
        declared.forEach((key, value) -> {
            if (!(value instanceof Map<?, ?>)) {
                defaults.put(key, value);
                return;
            }
            DescriptorFields fields = keys.mapping(key, RULE_SHAPE).orElseThrow();
            Object fallback = fields.raw("default");
            if (fallback == null) {
                descriptor.error("defaults." + key, "is a mapping without a default", RULE_SHAPE);
                return;
            }
            defaults.put(key, fallback);
            for (Map.Entry<?, ?> part : ((Map<?, ?>) value).entrySet()) {
                if (!RULE_KEYS.contains(String.valueOf(part.getKey()))) {
                    fields.error(String.valueOf(part.getKey()), "is not part of a rule", "default, min, max, enum, pattern");
                }
            }
            ConfigurationRule rule = new ConfigurationRule(bound(fields, "min", fallback), bound(fields, "max", fallback),
                    allowed(fields, fallback), pattern(fields, fallback));
            if (rule.min().isPresent() && rule.max().isPresent() && rule.min().get().compareTo(rule.max().get()) > 0) {
                fields.error("max", "is below min " + rule.min().get().toPlainString(), "a max at least as large as min");
                return;
            }
            if (!rule.isEmpty()) {
                rule.refusal(fallback).ifPresentOrElse(
                        problem -> fields.error("default", "breaks its own rule: it " + problem, rule.describe()),
                        () -> rules.put(key, rule));
            }
        });
        return new Read(defaults, rules);
    }

    private static Optional<BigDecimal> bound(DescriptorFields fields, String part, Object declared) {
        Object value = fields.raw(part);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof Number number)) {
            fields.error(part, "is " + DescriptorFields.kind(value) + ", not a number", "a number such as 1 or 0.5");
            return Optional.empty();
        }
        if (!holds(declared, Number.class)) {
            fields.error(part, "bounds a number, but the default is " + DescriptorFields.kind(declared), "min and max for numeric keys only");
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(number.toString()));
    }

    private static List<Object> allowed(DescriptorFields fields, Object declared) {
        Object value = fields.raw("enum");
        if (value == null) {
            return List.of();
        }
        String shape = "a non-empty list of values of the default's type";
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            fields.error("enum", "is " + (value instanceof List<?> ? "an empty list" : DescriptorFields.kind(value)), shape);
            return List.of();
        }
        Class<?> type = declared instanceof List<?> items && !items.isEmpty() ? items.get(0).getClass() : declared.getClass();
        Class<?> kind = Number.class.isAssignableFrom(type) ? Number.class : type;
        if (list.stream().anyMatch(item -> !kind.isInstance(item))) {
            fields.error("enum", "has a value that is not " + DescriptorFields.kind(declared instanceof List<?> l && !l.isEmpty() ? l.get(0) : declared), shape);
            return List.of();
        }
        return List.copyOf(list);
    }

    private static Optional<String> pattern(DescriptorFields fields, Object declared) {
        Object value = fields.raw("pattern");
        if (value == null) {
            return Optional.empty();
        }
        String shape = "a Java regular expression of at most " + MAX_PATTERN_CHARS + " characters, for text keys";
        if (!(value instanceof String regex) || regex.length() > MAX_PATTERN_CHARS) {
            fields.error("pattern", value instanceof String ? "is longer than " + MAX_PATTERN_CHARS + " characters"
                    : "is " + DescriptorFields.kind(value) + ", not text", shape);
            return Optional.empty();
        }
        if (!holds(declared, String.class)) {
            fields.error("pattern", "matches text, but the default is " + DescriptorFields.kind(declared), shape);
            return Optional.empty();
        }
        try {
            Pattern.compile(regex);
        } catch (PatternSyntaxException e) {
            fields.error("pattern", "is not a regular expression: " + e.getDescription() + " at index " + e.getIndex(), shape);
            return Optional.empty();
        }
        return Optional.of(regex);
    }

    /** Whether the default is of the type, or a list of it. */
    private static boolean holds(Object declared, Class<?> type) {
        return type.isInstance(declared) || declared instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(type::isInstance);
    }
}
