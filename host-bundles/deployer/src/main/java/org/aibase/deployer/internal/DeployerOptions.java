package org.aibase.deployer.internal;

import java.time.Duration;
import java.util.function.Function;

import org.aibase.api.plugin.ResourceLimits;
import org.aibase.validator.PlatformLimits;

/**
 * The operator's deployer configuration, checked: every value is usable or activation fails naming
 * the key.
 *
 * @param allowLibraries whether plain bundles are accepted
 * @param limits the maxima for declared limits
 * @param logMaxBytes the size at which the deployment log is rotated
 * @param logFiles how many rotated logs are kept
 */
record DeployerOptions(boolean allowLibraries, PlatformLimits limits, long logMaxBytes,
                       int logFiles) {

    /** Checks the configuration. */
    static DeployerOptions from(DeployerConfiguration c) {
        PlatformLimits limits = new PlatformLimits(
                size("max.memory", c.max_memory()),
                positive("max.cpu", c.max_cpu()),
                (int) positive("max.concurrency", c.max_concurrency()),
                size("max.storage", c.max_storage()),
                duration("max.timeout", c.max_timeout()),
                (int) positive("max.jobs", c.max_jobs()),
                duration("max.job.timeout", c.max_job_timeout()),
                (long) positive("max.llm.tokens.per.hour", c.max_llm_tokens_per_hour()));
        // a log smaller than a few events would rotate on every line
        if (c.log_max_bytes() < 4096) {
            throw invalid("log.max.bytes", "must be at least 4096, not " + c.log_max_bytes());
        }
        if (c.log_files() < 1 || c.log_files() > 100) {
            throw invalid("log.files", "must be between 1 and 100, not " + c.log_files());
        }
        return new DeployerOptions(c.allow_libraries(), limits, c.log_max_bytes(), c.log_files());
    }

    private static long size(String key, String text) {
        return (long) positive(key, parse(key, text, ResourceLimits::parseSize));
    }

    private static Duration duration(String key, String text) {
        Duration d = parse(key, text, ResourceLimits::parseDuration);
        positive(key, d.toMillis());
        return d;
    }

    private static <T> T parse(String key, String text, Function<String, T> parser) {
        try {
            return parser.apply(text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            throw invalid(key, e.getMessage());
        }
    }

    private static double positive(String key, double value) {
        if (!(value > 0)) {
            throw invalid(key, "must be greater than 0, not " + value);
        }
        return value;
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(DeployerConfiguration.PID + ": " + key + " " + problem);
    }
}
