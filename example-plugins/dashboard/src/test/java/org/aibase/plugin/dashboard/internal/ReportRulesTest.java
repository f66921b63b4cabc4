package org.aibase.plugin.dashboard.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

/** Each recommendation rule fires exactly at its stated threshold. */
class ReportRulesTest {

    private static PluginFigures figures(String id, double requests, double errors, double p95, double timeoutMs,
            double tokensLastHour, double budget, double completed, double failed, double timeouts) {
        return new PluginFigures(id, requests, errors, 0, p95 / 2, p95, 0, timeouts, 0, 0, 0, tokensLastHour,
                budget > 0 ? OptionalDouble.of(budget) : OptionalDouble.empty(), OptionalDouble.of(timeoutMs), completed, failed);
    }

    private static List<String> rules(PluginFigures p) {
        return ReportRules.evaluate(List.of(p), 0, 0).stream().map(Recommendation::rule).toList();
    }

    @Test
    void aHealthyPluginGetsNoRecommendation() {
        assertEquals(List.of(), rules(figures("ok", 1000, 50, 100, 30_000, 100, 1000, 10, 1, 0)));
    }

    @Test
    void errorRateAboveFivePercentWithEnoughRequests() {
        assertEquals(List.of("high_error_rate"), rules(figures("bad", 100, 6, 10, 30_000, 0, 0, 0, 0, 0)));
        assertEquals(List.of(), rules(figures("few", 19, 10, 10, 30_000, 0, 0, 0, 0, 0)), "under 20 requests");
        assertEquals(List.of(), rules(figures("edge", 100, 5, 10, 30_000, 0, 0, 0, 0, 0)), "exactly 5% is not above");
    }

    @Test
    void p95AboveHalfTheTimeout() {
        assertEquals(List.of("slow_responses"), rules(figures("slow", 0, 0, 15_001, 30_000, 0, 0, 0, 0, 0)));
        assertEquals(List.of(), rules(figures("fine", 0, 0, 15_000, 30_000, 0, 0, 0, 0, 0)));
    }

    @Test
    void tokenBudgetNearlySpent() {
        List<Recommendation> found = ReportRules.evaluate(List.of(figures("llm", 0, 0, 0, 30_000, 800, 1000, 0, 0, 0)), 0, 0);
        assertEquals("token_budget", found.get(0).rule());
        assertTrue(found.get(0).message().startsWith("800 of 1000 LLM tokens per hour used (80%)"), found.get(0).message());
        assertEquals(List.of(), rules(figures("llm", 0, 0, 0, 30_000, 799, 1000, 0, 0, 0)));
    }

    @Test
    void jobFailuresTimeoutsAndHeap() {
        assertEquals(List.of("job_failures"), rules(figures("jobs", 0, 0, 0, 30_000, 0, 0, 8, 2, 0)));
        assertEquals(List.of("timeouts"), rules(figures("t", 0, 0, 0, 30_000, 0, 0, 0, 0, 1)));
        assertEquals("heap_pressure", ReportRules.evaluate(List.of(), 950, 1000).get(0).rule());
        assertEquals(List.of(), ReportRules.evaluate(List.of(), 899, 1000));
    }
}
