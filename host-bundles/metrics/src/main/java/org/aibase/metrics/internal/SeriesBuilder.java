package org.aibase.metrics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.api.metrics.MetricInfo;
import org.aibase.api.metrics.MetricKind;
import org.aibase.api.metrics.MetricPoint;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricStep;

/**
 * Turns stored buckets into series. Counters are stored cumulative, as sampled; a point's value is
 * the increase since the previous bucket's largest value (the first bucket: over itself). A value
 * below the previous one means the runtime restarted and counting began again at zero, so the new
 * value itself is the increase.
 */
final class SeriesBuilder {

    private SeriesBuilder() {
    }

    static List<MetricSeries> series(MetricInfo metric, MetricStep step, List<MetricStore.Bucket> buckets) {
        Map<String, List<MetricStore.Bucket>> byPlugin = new LinkedHashMap<>();
        for (MetricStore.Bucket bucket : buckets) {
            byPlugin.computeIfAbsent(bucket.plugin(), p -> new ArrayList<>()).add(bucket);
        }
        List<MetricSeries> series = new ArrayList<>();
        byPlugin.forEach((plugin, own) -> series.add(new MetricSeries(metric.name(), plugin, metric.kind(), step,
                metric.kind() == MetricKind.COUNTER ? increases(own) : means(own))));
        return series;
    }

    private static List<MetricPoint> means(List<MetricStore.Bucket> buckets) {
        return buckets.stream().map(b -> new MetricPoint(Instant.ofEpochMilli(b.start()), b.mean(), b.min(), b.max(), b.samples()))
                .toList();
    }

    private static List<MetricPoint> increases(List<MetricStore.Bucket> buckets) {
        List<MetricPoint> points = new ArrayList<>(buckets.size());
        Double previous = null;
        for (MetricStore.Bucket b : buckets) {
            double increase;
            if (previous == null) {
                increase = b.max() - b.min();
            } else if (b.max() >= previous) {
                increase = b.max() - previous;
            } else {
                increase = b.max();
            }
            points.add(new MetricPoint(Instant.ofEpochMilli(b.start()), increase, b.min(), b.max(), b.samples()));
            previous = b.max();
        }
        return points;
    }
}
