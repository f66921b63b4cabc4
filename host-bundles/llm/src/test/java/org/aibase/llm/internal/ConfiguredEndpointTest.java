package org.aibase.llm.internal;

import static org.aibase.llm.internal.http.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ModelInfo;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;

/** Provider configurations as Config Admin would deliver them, end to end through the router. */
class ConfiguredEndpointTest {

    @StartStop
    final MockWebServer server = new MockWebServer();

    static ProviderConfiguration config(Map<String, Object> values) {
        return TypedConfig.of(ProviderConfiguration.class, values);
    }

    static ConfiguredEndpoint endpoint(Map<String, Object> values, Map<String, String> env) {
        return new ConfiguredEndpoint(config(values), env::get, Clock.systemUTC());
    }

    @Test
    void anOpenAiConfigurationAnswersThroughTheRouter() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body(text("openai/response-success.json")).build());
        ConfiguredEndpoint openai = endpoint(Map.of("type", "openai", "name", "openai-main",
                "base_url", server.url("/v1").toString(), "api_key_env", "OPENAI_API_KEY",
                "models", new String[] {"gpt-4o-mini,gpt-4o"}), Map.of("OPENAI_API_KEY", "sk-from-env"));
        try {
            ChatRouter router = new ChatRouter(RoutingPolicy.DEFAULTS, Clock.systemUTC(), Sleeper.THREAD, () -> 0.0);

            ChatResponse r = router.chat(ChatRequest.of("Do you ship to Canada?"), List.of(openai.endpoint()));

            assertEquals("openai-main", r.provider());
            assertEquals("gpt-4o-mini-2024-07-18", r.model());
            assertEquals("Bearer sk-from-env", server.takeRequest().getHeaders().get("Authorization"));
            assertEquals(List.of("gpt-4o-mini", "gpt-4o"), openai.endpoint().models());
        } finally {
            openai.deactivate();
        }
    }

    @Test
    void azureDeploymentsAddTheirModels() {
        ConfiguredEndpoint azure = endpoint(Map.of("type", "azure-openai", "endpoint", "https://res.openai.azure.com",
                "deployments", new String[] {"gpt-4o=gpt4o-prod", "gpt-4o-mini=mini"}, "api_key", "k"), Map.of());
        try {
            assertEquals(List.of("gpt-4o", "gpt-4o-mini"), azure.endpoint().models());
            assertEquals("azure-openai", azure.endpoint().name());
        } finally {
            azure.deactivate();
        }
    }

    @Test
    void theKeyAppearsNowhere() {
        ConfiguredEndpoint anthropic = endpoint(Map.of("type", "anthropic", "api_key", "sk-ant-secret",
                "models", new String[] {"claude-sonnet-4-5"}), Map.of());
        try {
            ChatRouter router = new ChatRouter(RoutingPolicy.DEFAULTS, Clock.systemUTC(), Sleeper.THREAD, () -> 0.0);
            List<ModelInfo> models = router.models(List.of(anthropic.endpoint()));
            assertFalse(models.toString().contains("sk-ant-secret"));
            assertFalse(anthropic.endpoint().toString().contains("sk-ant-secret"));
        } finally {
            anthropic.deactivate();
        }
    }

    @Test
    void wrongSettingsFailNamingTheKey() {
        assertMessage("type", Map.of("type", "gemini", "api_key", "k"));
        assertMessage("api.key", Map.of("type", "openai"));
        assertMessage("OPENAI_API_KEY", Map.of("type", "openai", "api_key_env", "OPENAI_API_KEY"));
        assertMessage("base.url", Map.of("type", "openai-compatible"));
        assertMessage("base.url", Map.of("type", "openai", "api_key", "k", "base_url", "not a url"));
        assertMessage("endpoint", Map.of("type", "azure-openai", "api_key", "k"));
        assertMessage("deployments", Map.of("type", "azure-openai", "api_key", "k", "endpoint", "https://x",
                "deployments", "gpt-4o"));
        assertMessage("max.concurrent", Map.of("type", "openai", "api_key", "k", "max_concurrent", 0));
        assertMessage("timeout.seconds", Map.of("type", "openai", "api_key", "k", "timeout_seconds", 0));
    }

    private static void assertMessage(String expected, Map<String, Object> values) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> endpoint(values, Map.of()));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void theServiceWithoutProvidersExplainsAndItsAsyncFormFailsTheSameWay() throws Exception {
        LlmGateway gateway = new LlmGateway(TypedConfig.of(RouterConfiguration.class, Map.of()),
                TypedConfig.of(BudgetDefaults.class, Map.of()));
        PluginLlmService service = new PluginLlmService(gateway, new Caller("shop", OptionalLong.empty()), null, Optional.empty());
        try {
            LlmException e = assertThrows(LlmException.class, () -> service.chat(ChatRequest.of("hi")));
            assertEquals(Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("config/org.aibase.llm.provider-openai.cfg"));
            assertTrue(service.models().isEmpty());

            CompletionException async = assertThrows(CompletionException.class,
                    () -> service.chatAsync(ChatRequest.of("hi")).toCompletableFuture().join());
            assertTrue(async.getCause() instanceof LlmException);
        } finally {
            gateway.deactivate();
        }
    }

    @Test
    void routerConfigurationIsCheckedPerKey() {
        Map<String, Object> values = new HashMap<>();
        values.put("aliases", new String[] {"fast"});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RoutingPolicy.from(TypedConfig.of(RouterConfiguration.class, values)));
        assertTrue(e.getMessage().startsWith("aliases"), e.getMessage());

        RoutingPolicy p = RoutingPolicy.from(TypedConfig.of(RouterConfiguration.class, Map.of(
                "default_model", "fast", "aliases", new String[] {"fast=gpt-4o-mini", "smart = gpt-4o"},
                "fallback", "gpt-4o-mini, claude-sonnet-4-5")));
        assertEquals(Map.of("fast", "gpt-4o-mini", "smart", "gpt-4o"), p.aliases());
        assertEquals(List.of("gpt-4o-mini", "claude-sonnet-4-5"), p.fallback());
        assertEquals(2, p.maxRetries());
        assertEquals(TimeUnit.SECONDS.toMillis(30), p.circuitOpen().toMillis());
    }
}
