package org.aibase.validator;

import java.time.Duration;

/**
 * The largest limits a plugin may declare (the operator's configuration; sane defaults otherwise).
 *
 * @param memoryBytes per request, task or job
 * @param cpu cores
 * @param concurrency requests and tasks at once
 * @param storageBytes tables and files
 * @param timeout per request or task
 * @param jobs concurrent background jobs
 * @param jobTimeout per job
 * @param llmTokensPerHour LLM tokens per sliding hour
 */
public record PlatformLimits(long memoryBytes, double cpu, int concurrency, long storageBytes, Duration timeout,
        int jobs, Duration jobTimeout, long llmTokensPerHour) {

    /** The maxima when the operator configures none. */
    public static final PlatformLimits DEFAULTS = new PlatformLimits(4L << 30, 4.0, 256, 10L << 30,
            Duration.ofMinutes(10), 32, Duration.ofHours(24), 10_000_000L);
}
