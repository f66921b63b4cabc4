package org.aibase.api.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** The resolution of a history query. */
public enum MetricStep {
    /** Every sample. */
    RAW(Duration.ZERO),
    /** One point per minute. */
    MINUTE(Duration.ofMinutes(1)),
    /** One point per hour. */
    HOUR(Duration.ofHours(1));

    private final Duration length;

    MetricStep(Duration length) {
        this.length = length;
    }

    /** The bucket length; zero for {@link #RAW}. */
    public Duration length() {
        return length;
    }

    /** The step for {@code raw}, {@code 1m} or {@code 1h}. */
    public static Optional<MetricStep> fromId(String id) {
        return switch (id == null ? "" : id.toLowerCase(Locale.ROOT)) {
            case "raw" -> Optional.of(RAW);
            case "1m" -> Optional.of(MINUTE);
            case "1h" -> Optional.of(HOUR);
            default -> Optional.empty();
        };
    }

    /** {@code raw}, {@code 1m} or {@code 1h}. */
    public String id() {
        return switch (this) {
            case RAW -> "raw";
            case MINUTE -> "1m";
            case HOUR -> "1h";
        };
    }
}
