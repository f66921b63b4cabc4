package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PluginMeterTest {

    @Test
    void countsStatusClassesLatencyAndInFlight() {
        PluginMeter meter = new PluginMeter();
        meter.started();
        meter.started();
        assertEquals(2, meter.inFlight());
        meter.finished(200, 1_000_000);
        meter.finished(503, 3_000_000);
        meter.started();
        meter.finished(404, 2_000_000);
        assertEquals(0, meter.inFlight());
        assertEquals(3, meter.requests());
        assertEquals(1, meter.serverErrors());
        assertEquals(1, meter.clientErrors());
        assertEquals(6_000_000, meter.latencyNanos());
    }

    @Test
    void percentilesAreNearestRankOverTheLastRequests() {
        PluginMeter meter = new PluginMeter();
        assertEquals(Map.of("p50", 0.0, "p95", 0.0, "p99", 0.0), meter.latencyPercentiles());
        for (int ms = 1; ms <= 100; ms++) {
            meter.started();
            meter.finished(200, ms * 1_000_000L);
        }
        Map<String, Double> p = meter.latencyPercentiles();
        assertEquals(50.0, p.get("p50"));
        assertEquals(95.0, p.get("p95"));
        assertEquals(99.0, p.get("p99"));
        // the window forgets: after WINDOW fast requests the slow ones are gone
        for (int i = 0; i < PluginMeter.WINDOW; i++) {
            meter.started();
            meter.finished(200, 1_000_000L);
        }
        assertEquals(1.0, meter.latencyPercentiles().get("p99"));
        assertTrue(meter.requests() > PluginMeter.WINDOW);
    }
}
