package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RequestRatesTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void noRateFromASingleSample() {
        RequestRates rates = new RequestRates();
        RequestRates.Rate rate = rates.record("hello", 0, 100, 5, 3);
        assertTrue(rate.perMinute().isEmpty());
        assertTrue(rate.errorRate().isEmpty());
        assertTrue(rate.refusedRate().isEmpty());
    }

    @Test
    void ratesOverTheLastMinute() {
        RequestRates rates = new RequestRates();
        rates.record("hello", 0, 100, 0, 10);
        RequestRates.Rate rate = rates.record("hello", 30 * SECOND, 160, 6, 22);
        assertEquals(120.0, rate.perMinute().getAsDouble(), 1e-9);
        assertEquals(0.1, rate.errorRate().getAsDouble(), 1e-9, "5xx only");
        assertEquals(0.2, rate.refusedRate().getAsDouble(), 1e-9, "4xx apart");
        // samples older than a minute leave the window: only what happened since counts
        rates.record("hello", 90 * SECOND, 160, 6, 22);
        RequestRates.Rate quiet = rates.record("hello", 150 * SECOND, 160, 6, 22);
        assertEquals(0.0, quiet.perMinute().getAsDouble(), 1e-9);
        assertTrue(quiet.errorRate().isEmpty(), "no requests, no error rate");
    }

    @Test
    void restartedCountersStartOver() {
        RequestRates rates = new RequestRates();
        rates.record("hello", 0, 500, 0, 0);
        assertTrue(rates.record("hello", 10 * SECOND, 3, 0, 0).perMinute().isEmpty());
    }
}
