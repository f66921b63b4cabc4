package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.aibase.api.jobs.JobStatus;
import org.aibase.sandbox.PluginLoad;
import org.junit.jupiter.api.Test;

/** The usage cell: each figure against its limit, and what is not measured said so. */
class UsageCellTest {

    @Test
    void eachFigureStandsAgainstItsLimit() {
        UsageFigures usage = new UsageFigures(PageJsonTest.LOAD, Optional.of(PluginRowsTest.LIMITS), OptionalLong.of(2048),
                Optional.of(Map.of(JobStatus.RUNNING, 1L, JobStatus.FAILED, 3L)));
        PluginRow row = new PluginRow(PluginRowsTest.plugin("alpha", PluginRowsTest.LIMITS), Optional.of(usage),
                new RequestRates.Rate(OptionalDouble.of(12), OptionalDouble.of(0.5), OptionalDouble.of(0.25)), OptionalLong.of(700), OptionalLong.of(5000));

        String html = render(row);

        assertTrue(html.contains("Requests: 100 total, 12/min"), html);
        // errors are the 5xx answers only; the 4xx answers are the callers' and counted apart as refused
        assertTrue(html.contains("Errors (5xx): 50.0 % last min, 9 total (9.0 %)"), html);
        assertTrue(html.contains("Refused (4xx): 25.0 % last min, 11 total (11.0 %)"), html);
        assertTrue(html.contains("p95 latency: 40.5 ms (timeout 100 ms)"), html);
        assertTrue(html.contains("CPU: 0.1 cores (10 s), 2.3 s total"), html);
        assertTrue(html.contains("Allocated: 4 KiB total<"), html);
        assertTrue(html.contains("Running: 2 of 4, 6 timeouts, 4 rejected, 7 over memory"), html);
        assertTrue(html.contains("Tokens this hour: 700 of 5000"), html);
        assertTrue(html.contains("Storage: 2 KiB<"), html);
        assertTrue(html.contains("Jobs: 1 running, 0 queued, 3 failed (limit 2 at once)"), html);
    }

    @Test
    void whatIsNotMeasuredSaysSo() {
        UsageFigures usage = new UsageFigures(PluginLoad.NONE, Optional.empty(), OptionalLong.empty(), Optional.empty());
        PluginRow row = new PluginRow(PluginRowsTest.plugin("beta", null), Optional.of(usage),
                RequestRates.Rate.NONE, OptionalLong.empty(), OptionalLong.empty());

        String html = render(row);

        assertTrue(html.contains("p95 latency: no requests yet"), html);
        assertTrue(html.contains("Tokens this hour: — (no budget)"), html);
        assertTrue(html.contains("Storage: not measured"), html);
        assertTrue(html.contains("Jobs: " + JobsPanel.NOT_INSTALLED), html);
        assertEquals("—", render(new PluginRow(PluginRowsTest.refusedFile("broken.jar"), Optional.empty(),
                row.rates(), OptionalLong.empty(), OptionalLong.empty())));
    }

    private static String render(PluginRow row) {
        StringBuilder html = new StringBuilder();
        UsageCell.render(row, html);
        return html.toString();
    }
}
