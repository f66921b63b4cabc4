package org.aibase.metrics.internal;

import java.util.Objects;

/** One value of one metric at one sampling: {@code plugin} is empty for a system metric. */
record Sample(String plugin, String metric, double value) {

    Sample {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(metric, "metric");
    }
}
