package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

import org.aibase.api.plugin.Category;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.api.plugin.Severity;
import org.aibase.api.plugin.TaskResult;
import org.aibase.deployer.DeploymentEvent;
import org.aibase.api.plugin.PluginPage;
import org.aibase.deployer.PluginRecord;
import org.aibase.sandbox.Quarantine;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationReport;
import org.junit.jupiter.api.Test;

class PluginJsonTest {

    private static final PluginDescriptor ANALYTICS = new PluginDescriptor("analytics", "AI Analytics", "1.0.0",
            "analyses", "AI Base", Map.of("email", "team@example.org"), Category.DATA_PROCESSOR, List.of("stats"),
            List.of("data_analysis"), List.of("commons-math3>=3.6"), ">=1.0.0", SecurityLevel.SANDBOX,
            EnumSet.of(Permission.METRICS_READ, Permission.NETWORK), List.of("api.example.org"),
            new ResourceLimits(OptionalLong.of(256L << 20), OptionalDouble.of(0.5), OptionalInt.empty(),
                    OptionalLong.empty(), Optional.of(Duration.ofSeconds(30)), OptionalInt.empty(),
                    Optional.empty(), OptionalLong.of(200_000)),
            Map.of("max_data_points", 10000), Map.of(), List.of(),
            List.of(new PluginPage("/ui/", "Sales analytics", "Upload a dataset")));

    @Test
    void aRecordHasSnakeCaseKeysAndLowerCaseEnums() {
        ValidationReport report = new ValidationReport("analytics.jar", Optional.of(ANALYTICS),
                List.of(Finding.warning("plugin.yaml/tags", "few", "")));
        PluginRecord record = new PluginRecord(Optional.of("analytics"), "analytics.jar", Optional.of(ANALYTICS),
                PluginState.ACTIVE, Optional.empty(), Optional.of(report), OptionalLong.of(17),
                List.of("/api/v1/analytics"), Instant.parse("2026-11-21T10:00:00Z"), Optional.empty());

        Map<String, Object> json = PluginJson.record(record);
        assertEquals(List.of("id", "file", "state", "reason", "quarantine", "bundle_id", "endpoints", "pages", "since",
                "plugin", "report"), List.copyOf(json.keySet()));
        assertEquals(List.of(Map.of("title", "Sales analytics", "description", "Upload a dataset",
                "url", "/api/v1/analytics/ui/")), json.get("pages"), "a served plugin's pages, with their URLs");
        assertNull(json.get("quarantine"));
        assertEquals("active", json.get("state"));
        assertEquals(17L, json.get("bundle_id"));
        assertNull(json.get("reason"));
        assertEquals("2026-11-21T10:00:00Z", json.get("since"));
        assertEquals(report.toMap(), json.get("report"));

        @SuppressWarnings("unchecked")
        Map<String, Object> plugin = (Map<String, Object>) json.get("plugin");
        assertEquals("data_processor", plugin.get("category"));
        assertEquals("sandbox", plugin.get("security"));
        assertEquals(List.of("metrics.read", "network"), plugin.get("permissions"));
        assertEquals(List.of("api.example.org"), plugin.get("network_hosts"));
        assertEquals(">=1.0.0", plugin.get("requires_platform"));
        assertEquals("team@example.org", plugin.get("email"));
        assertEquals(Map.of("max_data_points", 10000), plugin.get("defaults"));
        assertEquals(List.of(Map.of("path", "/ui/", "title", "Sales analytics", "description", "Upload a dataset")),
                plugin.get("ui"));
        assertEquals(Map.of("memory_bytes", 256L << 20, "cpu", 0.5, "timeout_ms", 30_000L,
                "llm_tokens_per_hour", 200_000L), plugin.get("limits"));
    }

    @Test
    void aRefusedFileWithoutDescriptorStillHasEveryKey() {
        PluginRecord refused = new PluginRecord(Optional.empty(), "junk.jar", Optional.empty(), PluginState.REJECTED,
                Optional.of("no plugin.yaml"), Optional.empty(), OptionalLong.empty(), List.of(), Instant.EPOCH, Optional.empty());
        Map<String, Object> json = PluginJson.record(refused);
        assertEquals(11, json.size());
        assertEquals(List.of(), json.get("pages"));
        assertNull(json.get("id"));
        assertNull(json.get("bundle_id"));
        assertNull(json.get("plugin"));
        assertEquals("rejected", json.get("state"));
        assertEquals("no plugin.yaml", json.get("reason"));
    }

    @Test
    void aQuarantinedRecordSaysWhenItLiftsOrThatItIsPinned() {
        Instant since = Instant.parse("2026-11-21T10:00:00Z");
        Quarantine lifting = new Quarantine("analytics", "task 'x' would not stop", since, Optional.of(since.plusSeconds(900)));
        PluginRecord record = new PluginRecord(Optional.of("analytics"), "analytics.jar", Optional.of(ANALYTICS),
                PluginState.QUARANTINED, Optional.of(lifting.reason()), Optional.empty(), OptionalLong.of(17), List.of(),
                since, Optional.of(lifting));

        assertEquals(Map.of("since", "2026-11-21T10:00:00Z", "lifts_at", "2026-11-21T10:15:00Z", "pinned", false),
                PluginJson.record(record).get("quarantine"));
        Map<String, Object> pinned = new Quarantine("analytics", "audit", since, Optional.empty()).toMap();
        assertNull(pinned.get("lifts_at"));
        assertEquals(true, pinned.get("pinned"));
    }

    @Test
    void taskResultsAndDeploymentsAreSnakeCase() {
        Map<String, Object> failed = PluginJson.taskResult(TaskResult.failure("timeout", "too slow", Severity.HIGH));
        assertEquals(false, failed.get("success"));
        assertEquals("timeout", failed.get("error_code"));
        assertEquals("high", failed.get("severity"));

        Map<String, Object> event = PluginJson.deployment(new DeploymentEvent(Instant.EPOCH,
                DeploymentEvent.Type.INSTALLED, "hello.jar", Optional.of("hello"), Optional.of("1.0.0"),
                Optional.empty()));
        assertEquals("installed", event.get("type"));
        assertEquals("hello", event.get("plugin_id"));
        assertNull(event.get("reason"));
    }
}
