package org.aibase.validator.internal;

import java.time.Duration;

/** Writes sizes and durations the way {@code plugin.yaml} does ({@code 256MB}, {@code 30s}), for findings. */
final class Quantities {

    private static final String[] SIZE_UNITS = {"B", "KB", "MB", "GB", "TB"};

    private Quantities() {
    }

    /** In the largest unit below the size: exact when it divides ({@code 4GB}), else to a tenth ({@code 300.2MB}). */
    static String size(long bytes) {
        int unit = 0;
        double value = bytes;
        while (unit < SIZE_UNITS.length - 1 && Math.abs(value) >= 1024) {
            value /= 1024;
            unit++;
        }
        return (value == Math.rint(value) ? String.valueOf((long) value)
                : String.format(java.util.Locale.ROOT, "%.1f", value)) + SIZE_UNITS[unit];
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
