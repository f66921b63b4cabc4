package org.aibase.llm.internal.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long a provider asked us to wait: {@code retry-after-ms}, then {@code retry-after} (seconds or an
 * HTTP date), then the provider's own reset headers for the budget that ran out (OpenAI's Go-style
 * durations, Anthropic's RFC 3339 timestamps).
 */
public final class RetryAfter {

    private static final Pattern GO_DURATION_PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|us|µs|ns|h|m|s)");
    private static final List<String> OPENAI_BUDGETS = List.of("requests", "tokens");
    private static final List<String> ANTHROPIC_BUDGETS = List.of("requests", "tokens", "input-tokens", "output-tokens");

    private RetryAfter() {
    }

    /** The wait the reply asks for, if any. */
    public static Optional<Duration> of(HttpReply reply, Clock clock) {
        Optional<Duration> explicit = reply.header("retry-after-ms").flatMap(RetryAfter::millis)
                .or(() -> reply.header("retry-after").flatMap(v -> secondsOrDate(v, clock)));
        if (explicit.isPresent()) {
            return explicit;
        }
        Duration longest = null;
        for (String budget : OPENAI_BUDGETS) {
            if (exhausted(reply, "x-ratelimit-remaining-" + budget)) {
                longest = longer(longest, reply.header("x-ratelimit-reset-" + budget).flatMap(RetryAfter::goDuration));
            }
        }
        for (String budget : ANTHROPIC_BUDGETS) {
            if (exhausted(reply, "anthropic-ratelimit-" + budget + "-remaining")) {
                longest = longer(longest, reply.header("anthropic-ratelimit-" + budget + "-reset")
                        .flatMap(v -> until(v, clock)));
            }
        }
        return Optional.ofNullable(longest);
    }

    // a reset time only matters for a budget that is used up (or when the provider does not say)
    private static boolean exhausted(HttpReply reply, String remainingHeader) {
        return reply.header(remainingHeader).map(v -> v.trim().equals("0")).orElse(true);
    }

    private static Duration longer(Duration current, Optional<Duration> candidate) {
        if (candidate.isEmpty()) {
            return current;
        }
        return current == null || candidate.get().compareTo(current) > 0 ? candidate.get() : current;
    }

    private static Optional<Duration> millis(String value) {
        try {
            double ms = Double.parseDouble(value.trim());
            return ms >= 0 ? Optional.of(Duration.ofNanos((long) (ms * 1_000_000))) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> secondsOrDate(String value, Clock clock) {
        try {
            double seconds = Double.parseDouble(value.trim());
            return seconds >= 0 ? Optional.of(Duration.ofMillis((long) (seconds * 1000))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
            } catch (DateTimeParseException notDate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Duration> until(String rfc3339, Clock clock) {
        try {
            Instant at = OffsetDateTime.parse(rfc3339.trim()).toInstant();
            return Optional.of(nonNegative(Duration.between(clock.instant(), at)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Parses a Go-style duration such as {@code 6m0s}, {@code 1.5s} or {@code 258ms}. */
    static Optional<Duration> goDuration(String value) {
        String text = value.trim();
        Matcher m = GO_DURATION_PART.matcher(text);
        double nanos = 0;
        int end = 0;
        while (m.find()) {
            if (m.start() != end) {
                return Optional.empty();
            }
            end = m.end();
            double n = Double.parseDouble(m.group(1));
            nanos += switch (m.group(2)) {
                case "h" -> n * 3_600e9;
                case "m" -> n * 60e9;
                case "s" -> n * 1e9;
                case "ms" -> n * 1e6;
                case "us", "µs" -> n * 1e3;
                default -> n;
            };
        }
        return end == text.length() && end > 0 ? Optional.of(Duration.ofNanos((long) nanos)) : Optional.empty();
    }

    private static Duration nonNegative(Duration d) {
        return d.isNegative() ? Duration.ZERO : d;
    }
}
