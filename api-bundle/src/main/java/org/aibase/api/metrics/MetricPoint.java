package org.aibase.api.metrics;

import java.time.Instant;
import java.util.Objects;

/**
 * One point of a series. For a gauge: the mean, minimum and maximum of the samples in the point's
 * bucket. For a counter: {@code value} is the increase over the bucket (a restart of the runtime,
 * which resets counters, counts the new value as increase), {@code min} and {@code max} the
 * cumulative values seen.
 *
 * @param time the bucket's start (for raw points, the sample's time)
 * @param value the mean (gauge) or increase (counter)
 * @param min the smallest sample in the bucket
 * @param max the largest sample in the bucket
 * @param samples how many samples the bucket holds
 */
public record MetricPoint(Instant time, double value, double min, double max, long samples) {

    /** Checks the fields. */
    public MetricPoint {
        Objects.requireNonNull(time, "time");
    }
}
