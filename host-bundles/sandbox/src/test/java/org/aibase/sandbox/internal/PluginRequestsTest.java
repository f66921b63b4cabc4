package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aibase.sandbox.RequestFigures;
import org.junit.jupiter.api.Test;

class PluginRequestsTest {

    @Test
    void countsStatusClassesLatencyAndInFlight() {
        PluginRequests meter = new PluginRequests();
        meter.started();
        meter.started();
        assertEquals(2, meter.figures().inFlight());
        meter.ended(200, 1_000_000);
        meter.ended(503, 3_000_000);
        meter.started();
        meter.ended(404, 2_000_000);
        RequestFigures figures = meter.figures();
        assertEquals(0, figures.inFlight());
        assertEquals(3, figures.requests());
        assertEquals(1, figures.serverErrors());
        assertEquals(1, figures.clientErrors());
        assertEquals(6_000_000, figures.latencyNanos());
    }

    @Test
    void percentilesAreNearestRankOverTheLastRequests() {
        PluginRequests meter = new PluginRequests();
        assertEquals(0.0, meter.figures().p99Millis());
        for (int ms = 1; ms <= 100; ms++) {
            meter.started();
            meter.ended(200, ms * 1_000_000L);
        }
        RequestFigures figures = meter.figures();
        assertEquals(50.0, figures.p50Millis());
        assertEquals(95.0, figures.p95Millis());
        assertEquals(99.0, figures.p99Millis());
        // the window forgets: after WINDOW fast requests the slow ones are gone
        for (int i = 0; i < RequestFigures.WINDOW; i++) {
            meter.started();
            meter.ended(200, 1_000_000L);
        }
        assertEquals(1.0, meter.figures().p99Millis());
        assertTrue(meter.figures().requests() > RequestFigures.WINDOW);
    }
}
