package org.aibase.console.internal;

import java.util.Locale;

/**
 * A limit as the page shows it: a label in words ({@code timeout_ms} is "Timeout") and the value in
 * its unit ("2 min"), so the unit appears once, in the value. The keys are the API's
 * ({@code PluginLimits.toMap}): their suffix names the unit.
 */
final class LimitLabels {

    private LimitLabels() {
    }

    /** "Memory", "CPU", "Timeout", "Job timeout", "LLM tokens per hour". */
    static String label(String key) {
        String words = key.replaceFirst("_(bytes|ms)$", "").replace('_', ' ');
        words = (" " + words + " ").replace(" cpu ", " CPU ").replace(" llm ", " LLM ").strip();
        return words.isEmpty() ? key : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** "256 MiB", "2 min", "1.5 cores", "4 at once", "50000". */
    static String value(String key, Object value) {
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        if (key.endsWith("_bytes")) {
            return Figures.bytes(n.longValue());
        }
        if (key.endsWith("_ms")) {
            return Figures.millis(n.longValue());
        }
        return switch (key) {
            case "cpu" -> Figures.decimal(n.doubleValue()) + (n.doubleValue() == 1 ? " core" : " cores");
            case "concurrency", "jobs" -> Figures.decimal(n.doubleValue()) + " at once";
            default -> Figures.decimal(n.doubleValue());
        };
    }
}
