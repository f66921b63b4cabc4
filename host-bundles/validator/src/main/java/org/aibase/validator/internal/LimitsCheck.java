package org.aibase.validator.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.validator.Finding;
import org.aibase.validator.PlatformLimits;

/** Declared limits are positive and at most the platform's maxima (the operator's configuration). */
public final class LimitsCheck extends DescriptorRule {

    private final PlatformLimits maxima;

    /** Checks against the given maxima. */
    public LimitsCheck(PlatformLimits maxima) {
        this.maxima = maxima;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        ResourceLimits limits = descriptor.limits();
        size("memory", limits.memoryBytes(), maxima.memoryBytes(), inspection);
        cpu(limits.cpu(), inspection);
        count("concurrency", limits.concurrency(), maxima.concurrency(), inspection);
        size("storage", limits.storageBytes(), maxima.storageBytes(), inspection);
        duration("timeout", limits.timeout(), maxima.timeout(), inspection);
        count("jobs", limits.jobs(), maxima.jobs(), inspection);
        duration("job_timeout", limits.jobTimeout(), maxima.jobTimeout(), inspection);
        if (limits.llmTokensPerHour().isPresent()) {
            long tokens = limits.llmTokensPerHour().getAsLong();
            judge("llm_tokens_per_hour", tokens > 0, tokens <= maxima.llmTokensPerHour(), String.valueOf(tokens),
                    String.valueOf(maxima.llmTokensPerHour()), inspection);
        }
    }

    private static void size(String key, OptionalLong bytes, long max, Inspection inspection) {
        if (bytes.isPresent()) {
            long value = bytes.getAsLong();
            judge(key, value > 0, value <= max, Quantities.size(value), Quantities.size(max), inspection);
        }
    }

    private void cpu(OptionalDouble cpu, Inspection inspection) {
        if (cpu.isPresent()) {
            double value = cpu.getAsDouble();
            judge("cpu", value > 0, value <= maxima.cpu(), String.valueOf(value), String.valueOf(maxima.cpu()), inspection);
        }
    }

    private static void count(String key, OptionalInt count, int max, Inspection inspection) {
        if (count.isPresent()) {
            int value = count.getAsInt();
            judge(key, value > 0, value <= max, String.valueOf(value), String.valueOf(max), inspection);
        }
    }

    private static void duration(String key, Optional<Duration> duration, Duration max, Inspection inspection) {
        duration.ifPresent(value -> judge(key, !value.isNegative() && !value.isZero(), value.compareTo(max) <= 0,
                Quantities.duration(value), Quantities.duration(max), inspection));
    }

    private static void judge(String key, boolean positive, boolean underMax, String value, String max,
                              Inspection inspection) {
        String location = Locations.field("limits." + key);
        if (!positive) {
            inspection.add(Finding.error(location, key + " " + value + " is not positive", "more than 0, at most " + max));
        } else if (!underMax) {
            inspection.add(Finding.error(location, key + " " + value + " is above the platform's maximum " + max,
                    "at most " + max));
        }
    }
}
