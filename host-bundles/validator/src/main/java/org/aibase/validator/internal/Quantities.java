package org.aibase.validator.internal;

import java.time.Duration;

/** Writes sizes and durations the way {@code plugin.yaml} does ({@code 256MB}, {@code 30s}), for findings. */
final class Quantities {

    private static final String[] SIZE_UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Quantities() {
    }

    /** The largest unit that divides the size exactly, e.g. {@code 4GB}, {@code 1536KB}. */
    static String size(long bytes) {
        int unit = 0;
        long value = bytes;
        while (unit < SIZE_UNITS.length - 1 && value != 0 && value % 1024 == 0) {
            value /= 1024;
            unit++;
        }
        return value + SIZE_UNITS[unit];
    }

    /** The largest unit that divides the duration exactly, e.g. {@code 10m}, {@code 1500ms}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis != 0 && millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis != 0 && millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }
}
