package org.aibase.rest.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;

/**
 * The parameters of {@code GET /api/v1/logs}, read as text so that each wrong one is a 400 naming it,
 * what was wrong and what is allowed.
 *
 * @param plugin only lines naming this plugin id as a word of its own ({@code [hello]}, {@code 'hello'},
 *        {@code (hello 1.0.0)}, {@code hello.jar}, {@code /api/v1/hello/}, but not {@code hello_world} or a
 *        class name {@code org.example.hello.X}); empty for every line
 * @param since only lines logged at or after this instant; empty for every line kept
 * @param limit at most this many lines, the newest
 */
record LogQuery(Optional<String> plugin, Optional<Instant> since, int limit) {

    static final int DEFAULT_LIMIT = 200;
    static final int MAX_LIMIT = 5000;

    private static final Pattern PLUGIN_ID = Pattern.compile(PluginDescriptor.ID_PATTERN);
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(s|m|h|d)");
    private static final String SINCE_ALLOWED = "an ISO-8601 instant (2026-12-04T10:15:30Z, or with an offset), "
            + "an ISO-8601 duration (PT10M) or a duration of whole seconds, minutes, hours or days back from now (30s, 10m, 2h, 1d)";

    /** Reads the parameters as given (absent ones are {@code null}); {@code clock} turns a duration into an instant. */
    static LogQuery parse(String plugin, String since, String limit, Clock clock) {
        return new LogQuery(plugin(plugin), since(since, clock), limit(limit));
    }

    /** Which lines pass the plugin filter (compiled once per query, asked once per line). */
    Predicate<String> pluginFilter() {
        return plugin.map(id -> Pattern.compile("(?<![\\w.\\-])" + Pattern.quote(id) + "(?![\\w\\-]|://)").asPredicate())
                .orElse(line -> true);
    }

    private static Optional<String> plugin(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (!PLUGIN_ID.matcher(text).matches()) {
            throw invalid("plugin", "plugin '" + text + "' is not a plugin id", PluginDescriptor.ID_PATTERN);
        }
        return Optional.of(text);
    }

    private static Optional<Instant> since(String text, Clock clock) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        Matcher shortForm = SHORT_DURATION.matcher(text.toLowerCase(Locale.ROOT));
        if (shortForm.matches()) {
            long amount = Long.parseLong(shortForm.group(1));
            Duration back = switch (shortForm.group(2)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return Optional.of(clock.instant().minus(back));
        }
        try {
            if (text.startsWith("P") || text.startsWith("p")) {
                Duration back = Duration.parse(text);
                if (!back.isNegative()) {
                    return Optional.of(clock.instant().minus(back));
                }
            } else {
                return Optional.of(OffsetDateTime.parse(text).toInstant());
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            // answered below, with what is allowed
        }
        throw invalid("since", "since '" + text + "' is neither an instant nor a duration", SINCE_ALLOWED);
    }

    private static int limit(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below, with what is allowed
        }
        throw invalid("limit", "limit '" + text + "' is not allowed", "a whole number from 1 to " + MAX_LIMIT);
    }

    private static ApiException invalid(String parameter, String message, String allowed) {
        return new ApiException(400, "invalid_parameter", message + " (allowed: " + allowed + ")",
                Map.of("parameter", parameter, "allowed", allowed));
    }
}
