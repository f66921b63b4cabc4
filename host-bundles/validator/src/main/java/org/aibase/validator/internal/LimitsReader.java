package org.aibase.validator.internal;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;

import org.aibase.api.plugin.ResourceLimits;

/**
 * Reads {@code limits:} into {@link ResourceLimits}: sizes and durations through the API's parsers,
 * counts as whole numbers. Whether the values are positive and under the platform's maxima is
 * {@link LimitsCheck}'s rule.
 */
final class LimitsReader {

    /** The keys of {@code limits:}, in documentation order. */
    static final Set<String> KEYS = new LinkedHashSet<>(List.of("memory", "cpu", "concurrency", "storage", "timeout",
            "jobs", "job_timeout", "llm_tokens_per_hour"));

    private static final String SIZE = "a size: a number with B, KB, MB, GB or TB (1024-based), e.g. 256MB";
    private static final String DURATION = "a duration: a number with ms, s, m or h, e.g. 30s";

    private LimitsReader() {
    }

    static ResourceLimits read(DescriptorFields document) {
        Optional<DescriptorFields> found = document.mapping("limits", "a mapping such as {memory: 256MB, timeout: 30s}");
        if (found.isEmpty()) {
            return ResourceLimits.NONE;
        }
        DescriptorFields limits = found.get();
        limits.warnAboutUnknownKeys(KEYS);
        return new ResourceLimits(size(limits, "memory"), decimal(limits, "cpu"), count(limits, "concurrency"),
                size(limits, "storage"), duration(limits, "timeout"), count(limits, "jobs"),
                duration(limits, "job_timeout"), whole(limits, "llm_tokens_per_hour"));
    }

    private static OptionalLong size(DescriptorFields limits, String key) {
        Optional<String> text = limits.text(key);
        try {
            return text.map(t -> OptionalLong.of(ResourceLimits.parseSize(t))).orElse(OptionalLong.empty());
        } catch (IllegalArgumentException e) {
            limits.error(key, "'" + text.get() + "' is not a size", SIZE);
            return OptionalLong.empty();
        }
    }

    private static Optional<Duration> duration(DescriptorFields limits, String key) {
        Optional<String> text = limits.text(key);
        try {
            return text.map(ResourceLimits::parseDuration);
        } catch (IllegalArgumentException e) {
            limits.error(key, "'" + text.get() + "' is not a duration", DURATION);
            return Optional.empty();
        }
    }

    private static OptionalDouble decimal(DescriptorFields limits, String key) {
        Object value = limits.raw(key);
        if (value == null) {
            return OptionalDouble.empty();
        }
        if (!(value instanceof Number number)) {
            limits.error(key, "'" + value + "' is not a number", "a number of cores such as 0.5 or 2");
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(number.doubleValue());
    }

    private static OptionalInt count(DescriptorFields limits, String key) {
        OptionalLong value = whole(limits, key);
        if (value.isPresent() && (value.getAsLong() > Integer.MAX_VALUE || value.getAsLong() < Integer.MIN_VALUE)) {
            limits.error(key, "'" + value.getAsLong() + "' is too large", "a whole number such as 16");
            return OptionalInt.empty();
        }
        return value.isPresent() ? OptionalInt.of((int) value.getAsLong()) : OptionalInt.empty();
    }

    private static OptionalLong whole(DescriptorFields limits, String key) {
        Object value = limits.raw(key);
        if (value == null) {
            return OptionalLong.empty();
        }
        // SnakeYAML reads whole numbers as Integer or Long, larger ones as BigInteger
        if (value instanceof Integer || value instanceof Long) {
            return OptionalLong.of(((Number) value).longValue());
        }
        limits.error(key, "'" + value + "' is not a whole number", "a whole number such as 16");
        return OptionalLong.empty();
    }
}
