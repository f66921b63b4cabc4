package org.aibase.llm.internal;

import static org.aibase.llm.internal.http.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.CircuitState;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.UsageRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

/** The gateway with a real endpoint on a local server: attribution, budgets and status. */
class LlmGatewayTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    final ManualClock clock = new ManualClock();
    final LlmGateway gateway = new LlmGateway(TypedConfig.of(RouterConfiguration.class, Map.of("max_retries", 0)), 100_000,
            clock);
    ConfiguredEndpoint local;

    void localEndpoint() {
        local = new ConfiguredEndpoint(TypedConfig.of(ProviderConfiguration.class, Map.of("type", "openai-compatible",
                "name", "local", "base_url", server.url("/v1").toString(), "models", new String[] {"gpt-4o-mini"})),
                name -> null, clock);
        gateway.configured = List.of(local);
    }

    @AfterEach
    void release() {
        gateway.deactivate();
        if (local != null) {
            local.deactivate();
        }
    }

    PluginLlmService facade(String plugin, OptionalLong budget) {
        return new PluginLlmService(gateway, new Caller(plugin, budget), null, Optional.empty());
    }

    @Test
    void callsAreAttributedToThePluginTheEndpointAndTheModel() {
        localEndpoint();
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai/response-success.json")).build());
        server.enqueue(new MockResponse.Builder().code(400).body(text("openai/error-400.json")).build());

        facade("shop", OptionalLong.empty()).chat(ChatRequest.builder().model("gpt-4o-mini").user("hi").build());
        assertThrows(LlmException.class, () -> facade("news", OptionalLong.empty())
                .chat(ChatRequest.builder().model("gpt-4o-mini").user("hi").build()));

        List<UsageRecord> usage = gateway.usage();
        assertEquals(2, usage.size(), usage.toString());
        UsageRecord news = usage.get(0);
        assertEquals(List.of("news", "local", "gpt-4o-mini", 1L), List.of(news.plugin(), news.endpoint(), news.model(),
                news.calls()));
        assertEquals(Map.of(Kind.BAD_REQUEST, 1L), news.failures());
        UsageRecord shop = usage.get(1);
        assertEquals("shop", shop.plugin());
        assertEquals(1, shop.calls());
        assertTrue(shop.failures().isEmpty());
        assertTrue(shop.promptTokens() > 0 && shop.completionTokens() > 0, shop.toString());
        assertEquals(shop.promptTokens() + shop.completionTokens(), gateway.windows().get(1).tokens());
    }

    @Test
    void aPluginOverItsBudgetIsRefusedWithoutReachingTheProvider() {
        localEndpoint();
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai/response-success.json")).build());
        PluginLlmService shop = facade("shop", OptionalLong.of(5));
        shop.chat(ChatRequest.builder().model("gpt-4o-mini").user("hi").build());

        LlmException e = assertThrows(LlmException.class,
                () -> shop.chat(ChatRequest.builder().model("gpt-4o-mini").user("again").build()));

        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("room frees up at " + clock.instant().plus(Duration.ofHours(1))),
                e.getMessage());
        assertEquals(1, server.getRequestCount());
        UsageRecord refused = gateway.usage().get(1);
        assertEquals(UsageRecord.NO_ENDPOINT, refused.endpoint());
        assertEquals(Map.of(Kind.QUOTA_EXCEEDED, 1L), refused.failures());
    }

    @Test
    void withoutProvidersCallsFailUnavailableAndAreCountedAgainstNoEndpoint() {
        LlmException e = assertThrows(LlmException.class, () -> facade("shop", OptionalLong.empty())
                .chat(ChatRequest.of("hi")));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(gateway.endpoints().isEmpty());
        assertEquals(List.of("shop", "none", "default"), List.of(gateway.usage().get(0).plugin(),
                gateway.usage().get(0).endpoint(), gateway.usage().get(0).model()));
    }

    @Test
    void theSandboxDefaultBudgetIsReadAndMustBePositive() {
        LlmGateway configured = new LlmGateway(TypedConfig.of(RouterConfiguration.class, Map.of()),
                TypedConfig.of(BudgetDefaults.class, Map.of("default_llm_tokens_per_hour", 2500L)));
        configured.deactivate();
        assertEquals(2500, configured.defaultTokensPerHour());
        assertEquals(100_000, gateway.defaultTokensPerHour());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LlmGateway(
                TypedConfig.of(RouterConfiguration.class, Map.of()), 0, clock));
        assertTrue(e.getMessage().contains("default.llm.tokens.per.hour"), e.getMessage());
    }

    @Test
    void statusShowsEachEndpointWithItsCircuitAndWhetherAKeyIsSetNeverTheKey() {
        localEndpoint();
        ConfiguredEndpoint keyed = new ConfiguredEndpoint(TypedConfig.of(ProviderConfiguration.class, Map.of(
                "type", "openai", "api_key", "sk-secret-value", "models", new String[] {"gpt-4o"})),
                name -> null, Clock.systemUTC());
        try {
            gateway.configured = List.of(keyed, local);

            List<EndpointStatus> status = gateway.endpoints();

            assertEquals(new EndpointStatus("local", "openai-compatible", List.of("gpt-4o-mini"), CircuitState.CLOSED,
                    false), status.get(0));
            assertEquals(new EndpointStatus("openai", "openai", List.of("gpt-4o"), CircuitState.CLOSED, true),
                    status.get(1));
            assertFalse(status.toString().contains("sk-secret"));
        } finally {
            keyed.deactivate();
        }
    }
}
