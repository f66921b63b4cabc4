package org.aibase.metrics.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.aibase.api.metrics.MetricKind;
import org.aibase.api.metrics.MetricQuery;
import org.aibase.api.metrics.MetricSeries;
import org.aibase.api.metrics.MetricStep;
import org.aibase.api.metrics.MetricsException;
import org.junit.jupiter.api.Test;

/** What the metric store does on every database: store, aggregate, derive counter increases, prune. */
abstract class MetricStoreContract {

    /** 2026-01-01T00:00:00Z: a whole hour, so minute and hour buckets start where the test expects. */
    static final long T0 = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    abstract MetricStore store();

    /** Samples every 10 s for 3 minutes: requests grow by 5 per sample; heap is 100, 200, 300 repeating. */
    private void fill() {
        for (int i = 0; i < 18; i++) {
            store().insert(T0 + i * 10_000L, List.of(
                    new Sample("alpha", "requests", 5.0 * i),
                    new Sample("beta", "requests", 2.0 * i),
                    new Sample("alpha", "latency_p95_ms", 10 + i),
                    new Sample("", "heap_used_bytes", 100 * (1 + i % 3))));
        }
    }

    private List<MetricSeries> query(String metric, Optional<String> plugin, MetricStep step) {
        return MetricsHistory.query(store(), new MetricQuery(metric, plugin, Instant.ofEpochMilli(T0),
                Instant.ofEpochMilli(T0 + 3_600_000), step));
    }

    @Test
    void rawSamplesOfACounterAreIncreasesPerPlugin() {
        fill();
        List<MetricSeries> series = query("requests", Optional.empty(), MetricStep.RAW);
        assertEquals(List.of("alpha", "beta"), series.stream().map(MetricSeries::plugin).toList());
        MetricSeries alpha = series.get(0);
        assertEquals(MetricKind.COUNTER, alpha.kind());
        assertEquals(18, alpha.points().size());
        assertEquals(0, alpha.points().get(0).value());
        assertEquals(5, alpha.points().get(1).value());
        assertEquals(85, alpha.summary(), "17 increases of 5");
        assertEquals(34, series.get(1).summary());
        assertEquals(Instant.ofEpochMilli(T0 + 10_000), alpha.points().get(1).time());
    }

    @Test
    void minuteBucketsOfACounterAddUpToTheSameTotal() {
        fill();
        MetricSeries alpha = query("requests", Optional.of("alpha"), MetricStep.MINUTE).get(0);
        assertEquals(3, alpha.points().size());
        // first minute: 0..25 → 25; second: 30..55 → 55-25 = 30; third: 60..85 → 30
        assertEquals(List.of(25.0, 30.0, 30.0), alpha.points().stream().map(p -> p.value()).toList());
        assertEquals(6, alpha.points().get(0).samples());
        assertEquals(Instant.ofEpochMilli(T0 + 60_000), alpha.points().get(1).time());
        assertEquals(85, alpha.summary());
    }

    @Test
    void aGaugeIsAveragedWithItsMinimumAndMaximum() {
        fill();
        List<MetricSeries> series = query("heap_used_bytes", Optional.of("ignored for system metrics"), MetricStep.HOUR);
        assertEquals(1, series.size());
        assertEquals("", series.get(0).plugin());
        assertEquals(1, series.get(0).points().size());
        assertEquals(200, series.get(0).points().get(0).value(), 1e-9);
        assertEquals(100, series.get(0).points().get(0).min());
        assertEquals(300, series.get(0).peak());
        assertEquals(18, series.get(0).points().get(0).samples());
    }

    @Test
    void aRestartedCounterCountsItsNewValueAsIncrease() {
        store().insert(T0, List.of(new Sample("alpha", "requests", 100)));
        store().insert(T0 + 10_000, List.of(new Sample("alpha", "requests", 120)));
        store().insert(T0 + 20_000, List.of(new Sample("alpha", "requests", 7)));
        MetricSeries alpha = query("requests", Optional.of("alpha"), MetricStep.RAW).get(0);
        assertEquals(List.of(0.0, 20.0, 7.0), alpha.points().stream().map(p -> p.value()).toList());
    }

    @Test
    void theRangeLimitsWhatIsRead() {
        fill();
        List<MetricSeries> series = MetricsHistory.query(store(), new MetricQuery("requests", Optional.of("alpha"),
                Instant.ofEpochMilli(T0 + 60_000), Instant.ofEpochMilli(T0 + 119_999), MetricStep.RAW));
        assertEquals(6, series.get(0).points().size());
    }

    @Test
    void unknownMetricsAndInvertedRangesAreRefusedNamingWhatIsAllowed() {
        MetricsException unknown = assertThrows(MetricsException.class, () -> query("bogus", Optional.empty(), MetricStep.RAW));
        assertEquals(MetricsException.INVALID_QUERY, unknown.code());
        assertTrue(unknown.getMessage().contains("unknown metric 'bogus'") && unknown.getMessage().contains("requests"),
                unknown.getMessage());
        MetricsException inverted = assertThrows(MetricsException.class, () -> MetricsHistory.query(store(),
                new MetricQuery("requests", Optional.empty(), Instant.ofEpochMilli(T0 + 1), Instant.ofEpochMilli(T0), MetricStep.RAW)));
        assertTrue(inverted.getMessage().contains("after it ends"), inverted.getMessage());
    }

    @Test
    void samplesPastTheRetentionAreDeleted() {
        fill();
        assertEquals(72, store().count());
        assertEquals(40, store().deleteBefore(T0 + 100_000));
        assertEquals(32, store().count());
        assertEquals(8, query("requests", Optional.of("alpha"), MetricStep.RAW).get(0).points().size());
    }
}
