package org.aibase.console.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.plugin.PluginState;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.deployer.PluginRecord;
import org.aibase.validator.Finding;
import org.aibase.validator.Severity;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.Test;

/** The plugins table and the deployment log: a refusal's reason once, limits in words, times to the second. */
class PluginsTableTest {

    static final ValidationReport REPORT = new ValidationReport("bad.jar", Optional.empty(), List.of(
            new Finding(Severity.ERROR, "plugin.yaml/permissions", "'htp' is not a permission", "http, storage"),
            new Finding(Severity.ERROR, "plugin.yaml/version", "'1' is not X.Y.Z", ""),
            new Finding(Severity.WARNING, "plugin.yaml/tags", "an empty tag", "")));

    @Test
    void aRefusedFilesReasonIsShownOnce() {
        PluginRecord refused = new PluginRecord(Optional.empty(), "bad.jar", Optional.empty(), PluginState.REJECTED,
                Optional.of(REPORT.verdict()), Optional.of(REPORT), OptionalLong.empty(), List.of(), Instant.EPOCH, Optional.empty());
        StringBuilder html = new StringBuilder();
        PluginsTable.render(List.of(new PluginRow(refused, Optional.empty(), RequestRates.Rate.NONE, OptionalLong.empty(),
                OptionalLong.empty())), html);

        assertEquals(1, occurrences(html.toString(), "is not a permission"), html.toString());
        assertEquals(1, occurrences(html.toString(), "is not X.Y.Z"), html.toString());
        assertTrue(html.toString().contains("<summary>invalid: 2 errors, 1 warning</summary>"), html.toString());
        assertFalse(html.toString().contains("aibase-reason"), "the verdict is the report's findings: no second copy");
    }

    @Test
    void aReasonThatSaysMoreThanTheReportIsKept() {
        StringBuilder html = new StringBuilder();
        PluginsTable.reason(Optional.of("the file's new content was refused: " + REPORT.verdict()), REPORT, html);
        assertTrue(html.toString().startsWith("<div class=\"aibase-reason\">the file&#39;s new content was refused"), html.toString());
    }

    @Test
    void limitsReadAsWordsWithUnits() {
        StringBuilder html = new StringBuilder();
        PluginsTable.render(List.of(new PluginRow(PluginRowsTest.plugin("alpha", PluginRowsTest.LIMITS), Optional.of(
                new UsageFigures(PageJsonTest.LOAD, Optional.of(PluginRowsTest.LIMITS), OptionalLong.empty(), Optional.empty())),
                RequestRates.Rate.NONE, OptionalLong.empty(), OptionalLong.empty())), html);
        assertTrue(html.toString().contains("<div>Timeout: 100 ms</div>"), html.toString());
        assertTrue(html.toString().contains("<div>Concurrency: 4 at once</div>"), html.toString());
        assertTrue(html.toString().contains("<div>LLM tokens per hour: 5000</div>"), html.toString());
        assertFalse(html.toString().contains("timeout_ms"), html.toString());
    }

    @Test
    void deploymentTimesAreReadableAndLocalisedByThePage() {
        Instant at = Instant.parse("2026-12-04T05:53:06.123456789Z");
        DeploymentEvent rejected = new DeploymentEvent(at, DeploymentEvent.Type.REJECTED, "bad.jar", Optional.empty(),
                Optional.empty(), Optional.of(REPORT.verdict()));
        PluginRecord refused = new PluginRecord(Optional.empty(), "bad.jar", Optional.empty(), PluginState.REJECTED,
                Optional.of(REPORT.verdict()), Optional.of(REPORT), OptionalLong.empty(), List.of(), at, Optional.empty());
        StringBuilder html = new StringBuilder();
        DeploymentLogTable.render(new DeploymentPage(List.of(rejected), 1, 0, 50), List.of(new PluginRow(refused,
                Optional.empty(), RequestRates.Rate.NONE, OptionalLong.empty(), OptionalLong.empty())), html);

        assertTrue(html.toString().contains("<time datetime=\"2026-12-04T05:53:06Z\">2026-12-04 05:53:06 UTC</time>"),
                html.toString());
        assertFalse(html.toString().contains("123456789"), "no fractions of a second");
        assertEquals(1, occurrences(html.toString(), "is not a permission"), html.toString());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
