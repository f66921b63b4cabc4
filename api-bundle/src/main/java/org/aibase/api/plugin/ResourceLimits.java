package org.aibase.api.plugin;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource limits a plugin declares under {@code limits:}; each is optional (the platform's
 * default applies when absent).
 *
 * @param memoryBytes bytes one request, task or job may allocate ({@code 256MB}; KB/MB/GB are 1024-based)
 * @param cpu cores of CPU time per second, averaged over 10 s (e.g. {@code 0.5})
 * @param concurrency requests and tasks executing at once
 * @param storageBytes bytes in its tables and files
 * @param timeout per request or task ({@code 30s})
 * @param jobs concurrent background jobs
 * @param jobTimeout per background job ({@code 10m})
 * @param llmTokensPerHour LLM tokens in a sliding 60-minute window
 */
public record ResourceLimits(OptionalLong memoryBytes, OptionalDouble cpu, OptionalInt concurrency,
        OptionalLong storageBytes, Optional<Duration> timeout, OptionalInt jobs, Optional<Duration> jobTimeout,
        OptionalLong llmTokensPerHour) {

    /** No limit declared: the platform's defaults apply everywhere. */
    public static final ResourceLimits NONE = new ResourceLimits(OptionalLong.empty(), OptionalDouble.empty(),
            OptionalInt.empty(), OptionalLong.empty(), Optional.empty(), OptionalInt.empty(), Optional.empty(),
            OptionalLong.empty());

    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    /**
     * Parses a size such as {@code 256MB}, {@code 1.5GB} or {@code 1024} (bytes); units are
     * 1024-based and case-insensitive.
     *
     * @throws IllegalArgumentException naming what is allowed when the text is not a size
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip().toUpperCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (allowed: a number with B, KB, MB, GB or TB, e.g. 256MB)");
        }
        int power = switch (m.group(2) == null ? "B" : m.group(2)) {
            case "KB" -> 1;
            case "MB" -> 2;
            case "GB" -> 3;
            case "TB" -> 4;
            default -> 0;
        };
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(1024, power);
        if (bytes > Long.MAX_VALUE) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return (long) bytes;
    }

    /**
     * Parses a duration such as {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1.5h}.
     *
     * @throws IllegalArgumentException naming what is allowed when the text is not a duration
     */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (allowed: a number with ms, s, m or h, e.g. 30s)");
        }
        double value = Double.parseDouble(m.group(1));
        long millis = switch (m.group(2)) {
            case "ms" -> (long) value;
            case "s" -> (long) (value * 1000);
            case "m" -> (long) (value * 60_000);
            default -> (long) (value * 3_600_000);
        };
        return Duration.ofMillis(millis);
    }
}
