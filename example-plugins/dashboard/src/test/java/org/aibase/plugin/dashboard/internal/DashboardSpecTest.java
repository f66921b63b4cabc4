package org.aibase.plugin.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** create_dashboard's validation: a valid spec is read, every problem of an invalid one is named. */
class DashboardSpecTest {

    private static final Set<String> SOURCES = Set.of("requests", "latency_p95_ms", "cpu_load");

    @Test
    void readsAValidSpecWithDefaults() {
        DashboardSpec.Parsed parsed = DashboardSpec.parse(Map.of("name", " Ops ", "widgets", List.of(
                Map.of("type", "line", "data_source", "requests", "plugin", "hello"),
                Map.of("type", "stat", "data_source", "cpu_load", "title", "CPU", "time_range", "15m"))), "config", SOURCES, 20);
        assertEquals(List.of(), parsed.problems());
        DashboardSpec spec = parsed.spec().orElseThrow();
        assertEquals("Ops", spec.name());
        assertEquals(TimeRange.HOUR, spec.timeRange());
        assertEquals(Optional.of("hello"), spec.widgets().get(0).plugin());
        assertEquals("requests", spec.widgets().get(0).title(), "the title defaults to the metric");
        assertEquals(Optional.of(TimeRange.MINUTES_15), spec.widgets().get(1).timeRange());
    }

    @Test
    void namesEveryProblemWithItsFieldAndWhatIsAllowed() {
        DashboardSpec.Parsed parsed = DashboardSpec.parse(Map.of("name", "", "time_range", "2w", "widgets", List.of(
                Map.of("type", "pie", "data_source", "requests"),
                Map.of("type", "line", "data_source", "bogus", "plugin", "Bad-Id"),
                "not an object")), "config", SOURCES, 20);
        assertTrue(parsed.spec().isEmpty());
        List<String> fields = parsed.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("config.name", "config.time_range", "config.widgets[0].type", "config.widgets[1].data_source",
                "config.widgets[1].plugin", "config.widgets[2]"), fields);
        assertTrue(parsed.problems().get(2).message().contains("'pie' is not a widget type (allowed: line, bar, histogram, gauge, stat, table)"),
                parsed.problems().get(2).message());
        assertTrue(parsed.problems().get(3).message().contains("allowed: cpu_load, latency_p95_ms, requests"));
        assertTrue(parsed.problems().get(1).message().contains("allowed: 15m, 1h, 24h, 7d"));
    }

    @Test
    void widgetsAreRequiredAndBounded() {
        assertEquals("config.widgets", DashboardSpec.parse(Map.of("name", "x"), "config", SOURCES, 2).problems().get(0).field());
        DashboardSpec.Parsed tooMany = DashboardSpec.parse(Map.of("name", "x", "widgets", List.of(
                Map.of("type", "line", "data_source", "requests"), Map.of("type", "line", "data_source", "requests"),
                Map.of("type", "line", "data_source", "requests"))), "config", SOURCES, 2);
        assertEquals("must hold 1 to 2 widgets, got 3", tooMany.problems().get(0).message());
        assertEquals("config", DashboardSpec.parse(List.of(), "config", SOURCES, 2).problems().get(0).field());
    }
}
