package org.aibase.rest.internal.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class CallerRateTest {

    private final AtomicLong now = new AtomicLong();
    private final CallerRate rate = new CallerRate(60, now::get);

    @Test
    void aCallerHasAMinutesAllowanceAtOnceThenOnePerSecond() {
        for (int i = 0; i < 60; i++) {
            assertTrue(rate.admit("key:a"), "message " + (i + 1));
        }
        assertFalse(rate.admit("key:a"), "the 61st within the minute");
        assertTrue(rate.admit("key:b"), "another caller has its own allowance");
        now.addAndGet(1_000_000_000L);
        assertTrue(rate.admit("key:a"), "a second later: one more");
        assertFalse(rate.admit("key:a"));
        now.addAndGet(120_000_000_000L);
        for (int i = 0; i < 60; i++) {
            assertTrue(rate.admit("key:a"), "refilled, never above a minute's worth");
        }
        assertFalse(rate.admit("key:a"));
        assertEquals(1, rate.retryAfterSeconds());
    }
}
