package org.aibase.api.plugin;

import java.util.Locale;

/** How serious a task's failure is (the PRSM error severity); JSON shows {@link #id()}. */
public enum Severity {
    /** Cosmetic or easily retried. */
    LOW,
    /** Worth a look. */
    MEDIUM,
    /** The task's purpose failed. */
    HIGH,
    /** The plugin itself is unusable. */
    CRITICAL;

    /** The JSON name, e.g. {@code high}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
