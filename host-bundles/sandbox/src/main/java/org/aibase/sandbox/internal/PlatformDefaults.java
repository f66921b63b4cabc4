package org.aibase.sandbox.internal;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.aibase.api.plugin.ResourceLimits;

/** The limits of a plugin that declares none; a declared limit always wins. */
record PlatformDefaults(ResourceLimits limits) {

    /** The defaults when the operator configures none (the configuration's own defaults). */
    static final PlatformDefaults BUILT_IN = new PlatformDefaults(new ResourceLimits(OptionalLong.of(256L << 20),
            OptionalDouble.of(1.0), OptionalInt.of(16), OptionalLong.of(100L << 20),
            Optional.of(java.time.Duration.ofSeconds(30)), OptionalInt.of(4),
            Optional.of(java.time.Duration.ofMinutes(10)), OptionalLong.of(100_000L)));

    /** Reads the defaults, naming the key whose value is wrong. */
    static PlatformDefaults from(SandboxConfiguration c) {
        return new PlatformDefaults(new ResourceLimits(OptionalLong.of(size("default.memory", c.default_memory())),
                OptionalDouble.of(positive("default.cpu", c.default_cpu())),
                OptionalInt.of((int) positive("default.concurrency", c.default_concurrency())),
                OptionalLong.of(size("default.storage", c.default_storage())),
                Optional.of(duration("default.timeout", c.default_timeout())),
                OptionalInt.of((int) positive("default.jobs", c.default_jobs())),
                Optional.of(duration("default.job.timeout", c.default_job_timeout())),
                OptionalLong.of((long) positive("default.llm.tokens.per.hour", c.default_llm_tokens_per_hour()))));
    }

    /** Every limit: the declared one, else the default. */
    ResourceLimits effective(ResourceLimits declared) {
        ResourceLimits d = limits;
        return new ResourceLimits(
                declared.memoryBytes().isPresent() ? declared.memoryBytes() : d.memoryBytes(),
                declared.cpu().isPresent() ? declared.cpu() : d.cpu(),
                declared.concurrency().isPresent() ? declared.concurrency() : d.concurrency(),
                declared.storageBytes().isPresent() ? declared.storageBytes() : d.storageBytes(),
                declared.timeout().or(d::timeout),
                declared.jobs().isPresent() ? declared.jobs() : d.jobs(),
                declared.jobTimeout().or(d::jobTimeout),
                declared.llmTokensPerHour().isPresent() ? declared.llmTokensPerHour() : d.llmTokensPerHour());
    }

    private static long size(String key, String value) {
        try {
            return ResourceLimits.parseSize(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SandboxConfiguration.PID + ": " + key + " " + e.getMessage(), e);
        }
    }

    private static java.time.Duration duration(String key, String value) {
        try {
            return ResourceLimits.parseDuration(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(SandboxConfiguration.PID + ": " + key + " " + e.getMessage(), e);
        }
    }

    private static double positive(String key, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(SandboxConfiguration.PID + ": " + key + " must be positive, not " + value);
        }
        return value;
    }
}
