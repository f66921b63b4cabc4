package org.aibase.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.llm.CircuitState;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.plugin.CallerRole;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.TokenWindow;
import org.aibase.llm.UsageRecord;
import org.junit.jupiter.api.Test;

/** The LLM parts of the HTTP API: JSON, health, metrics and who may read them. */
class LlmEndpointsTest {

    static final EndpointStatus LOCAL = new EndpointStatus("ollama", "openai-compatible", List.of(), CircuitState.CLOSED,
            false);
    static final EndpointStatus OPENAI = new EndpointStatus("openai", "openai", List.of("gpt-4o-mini", "gpt-4o"),
            CircuitState.OPEN, true);
    static final UsageRecord SHOP = new UsageRecord("shop", "openai", "gpt-4o-mini", 3, Map.of(Kind.RATE_LIMITED, 1L),
            0, 120, 45);

    @Test
    void modelsShowEveryModelWithItsEndpointHealthAndWhetherAKeyIsSet() {
        Map<String, Object> json = LlmJson.models(List.of(LOCAL, OPENAI));

        assertEquals(true, json.get("configured"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> models = (List<Map<String, Object>>) json.get("models");
        assertEquals(3, models.size());
        assertEquals(Map.of("model", "*", "endpoint", "ollama", "type", "openai-compatible", "circuit", "closed",
                "healthy", true, "key_set", false), models.get(0));
        assertEquals(Map.of("model", "gpt-4o", "endpoint", "openai", "type", "openai", "circuit", "open",
                "healthy", false, "key_set", true), models.get(2));
    }

    @Test
    void usageShowsCountsAndWindowsInSnakeCase() {
        Map<String, Object> json = LlmJson.usage(List.of(SHOP), List.of(new TokenWindow("shop", 165,
                OptionalLong.of(1000), Optional.of(Instant.parse("2026-01-01T01:00:00Z"))),
                new TokenWindow("platform", 0, OptionalLong.empty(), Optional.empty())));

        assertEquals(List.of(Map.of("plugin", "shop", "endpoint", "openai", "model", "gpt-4o-mini", "calls", 3L,
                "failures", Map.of("rate_limited", 1L), "fallbacks", 0L, "prompt_tokens", 120L,
                "completion_tokens", 45L)), json.get("usage"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> windows = (List<Map<String, Object>>) json.get("windows");
        assertEquals(Map.of("plugin", "shop", "tokens_last_hour", 165L, "budget", 1000L,
                "oldest_leaves_at", "2026-01-01T01:00:00Z"), windows.get(0));
        assertTrue(windows.get(1).containsKey("budget") && windows.get(1).get("budget") == null);
    }

    @Test
    void healthIsNotConfiguredUpOrDegraded() {
        assertEquals(Map.of("status", "not configured", "endpoints", 0), LlmJson.health(List.of()));
        assertEquals(Map.of("status", "up", "endpoints", 1), LlmJson.health(List.of(LOCAL)));
        assertEquals(Map.of("status", "degraded", "endpoints", 2), LlmJson.health(List.of(LOCAL, OPENAI)));
    }

    @Test
    void metricsCarryPluginProviderModelAndKindLabels() {
        PrometheusText text = new PrometheusText();
        LlmMetrics.write(text, List.of(SHOP));
        String out = text.toString();

        assertTrue(out.contains("# TYPE aibase_llm_tokens_total counter\n"), out);
        assertTrue(out.contains("aibase_llm_tokens_total{plugin=\"shop\",provider=\"openai\",model=\"gpt-4o-mini\","
                + "kind=\"prompt\"} 120\n"), out);
        assertTrue(out.contains("aibase_llm_tokens_total{plugin=\"shop\",provider=\"openai\",model=\"gpt-4o-mini\","
                + "kind=\"completion\"} 45\n"), out);
        assertTrue(out.contains("aibase_llm_calls_total{plugin=\"shop\",provider=\"openai\",model=\"gpt-4o-mini\"} 3\n"),
                out);
        assertTrue(out.contains("aibase_llm_failures_total{plugin=\"shop\",provider=\"openai\",model=\"gpt-4o-mini\","
                + "kind=\"rate_limited\"} 1\n"), out);
    }

    @Test
    void usersReadTheLlmEndpointsAndNothingWritesThem() {
        assertEquals(Optional.of(CallerRole.USER), AccessPolicy.required("GET", "/api/v1/llm/models"));
        assertEquals(Optional.of(CallerRole.USER), AccessPolicy.required("GET", "/api/v1/llm/usage"));
        assertEquals(Optional.of(CallerRole.ADMIN), AccessPolicy.required("POST", "/api/v1/llm/usage"));
        assertFalse(AccessPolicy.required("GET", "/api/v1/llm/models").isEmpty());
    }
}
