package org.aibase.api.metrics;

import java.util.Locale;

/** How a metric's samples add up. */
public enum MetricKind {
    /** Cumulative since the runtime started: queries answer the increase per point. */
    COUNTER,
    /** A level at the moment of sampling: queries answer the mean per point (min and max beside). */
    GAUGE;

    /** The lower-case name used in JSON. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
