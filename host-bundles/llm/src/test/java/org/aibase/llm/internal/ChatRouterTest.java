package org.aibase.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.CircuitState;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ModelInfo;
import org.aibase.api.llm.ResponseFormat;
import org.junit.jupiter.api.Test;

class ChatRouterTest {

    final ManualClock clock = new ManualClock();

    ChatRouter router(RoutingPolicy policy) {
        return new ChatRouter(policy, clock, clock, () -> 1.0);
    }

    static RoutingPolicy policy(String defaultModel, Map<String, String> aliases, List<String> fallback) {
        RoutingPolicy d = RoutingPolicy.DEFAULTS;
        return new RoutingPolicy(defaultModel, aliases, fallback, d.maxRetries(), d.backoffInitial(), d.backoffMax(),
                d.circuitFailures(), d.circuitOpen());
    }

    static ChatEndpoint endpoint(String name, ChatClient client, String... models) {
        return new ChatEndpoint(name, "openai", List.of(models), Duration.ofSeconds(30), 4, client);
    }

    static ChatRequest ask(String model) {
        return ChatRequest.builder().model(model).user("hi").build();
    }

    @Test
    void noProviderSaysWhichFileToCreate() {
        LlmException e = assertThrows(LlmException.class,
                () -> router(RoutingPolicy.DEFAULTS).chat(ChatRequest.of("hi"), List.of()));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("config/org.aibase.llm.provider-openai.cfg"), e.getMessage());
        assertTrue(e.getMessage().contains("config/examples/"), e.getMessage());
    }

    @Test
    void aliasesAndTheDefaultResolveToConcreteModels() {
        ScriptedClient openai = new ScriptedClient();
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", openai, "gpt-4o", "gpt-4o-mini"));
        ChatRouter router = router(policy("smart", Map.of("fast", "gpt-4o-mini", "smart", "gpt-4o"), List.of()));

        router.chat(ask("fast"), endpoints);
        router.chat(ask("default"), endpoints);
        router.chat(ask("gpt-4o-mini"), endpoints);

        assertEquals(List.of("gpt-4o-mini", "gpt-4o", "gpt-4o-mini"), openai.calls);
    }

    @Test
    void withoutADefaultModelTheFirstEndpointsFirstModelServes() {
        ScriptedClient a = new ScriptedClient();
        ScriptedClient b = new ScriptedClient();

        ChatResponse r = router(RoutingPolicy.DEFAULTS).chat(ChatRequest.of("hi"),
                List.of(endpoint("zeta", b, "z-1"), endpoint("alpha", a, "a-1", "a-2")));

        assertEquals("alpha", r.provider());
        assertEquals(List.of("a-1"), a.calls);
    }

    @Test
    void unknownModelIsABadRequestNamingTheServedOnes() {
        LlmException e = assertThrows(LlmException.class, () -> router(RoutingPolicy.DEFAULTS)
                .chat(ask("gpt-5"), List.of(endpoint("openai", new ScriptedClient(), "gpt-4o"))));

        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("gpt-5") && e.getMessage().contains("gpt-4o"), e.getMessage());
    }

    @Test
    void retriesWithExponentialBackoffThenSucceeds() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE).fail(Kind.TIMEOUT).answer("done");

        ChatResponse r = router(RoutingPolicy.DEFAULTS).chat(ask("gpt-4o"), List.of(endpoint("openai", openai, "gpt-4o")));

        assertEquals("done", r.content());
        assertFalse(r.fallbackUsed());
        // random = 1.0 makes full jitter its ceiling: initial, then twice that
        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(1000)), clock.sleeps);
    }

    @Test
    void jitterStaysBelowTheCappedCeiling() {
        Backoff backoff = new Backoff(Duration.ofMillis(500), Duration.ofMillis(8000), () -> 0.5);

        assertEquals(Duration.ofMillis(250), backoff.delay(0, java.util.Optional.empty()));
        assertEquals(Duration.ofMillis(4000), backoff.delay(10, java.util.Optional.empty()), "capped at max");
    }

    @Test
    void retryAfterReplacesTheBackoff() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.RATE_LIMITED, Duration.ofSeconds(3)).answer("done");

        router(RoutingPolicy.DEFAULTS).chat(ask("gpt-4o"), List.of(endpoint("openai", openai, "gpt-4o")));

        assertEquals(List.of(Duration.ofSeconds(3)), clock.sleeps);
    }

    @Test
    void retryAfterLongerThanTheTimeoutMovesOnToTheFallbackWithoutWaiting() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.RATE_LIMITED, Duration.ofMinutes(5));
        ScriptedClient anthropic = new ScriptedClient().answer("from claude");
        ChatRequest request = ask("gpt-4o").toBuilder().timeout(Duration.ofSeconds(10)).build();

        ChatResponse r = router(policy("", Map.of(), List.of("claude-sonnet-4-5"))).chat(request,
                List.of(endpoint("openai", openai, "gpt-4o"), endpoint("anthropic", anthropic, "claude-sonnet-4-5")));

        assertEquals("from claude", r.content());
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void nonRetriableFailsFastWithoutRetryOrFallback() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.AUTHENTICATION);
        ScriptedClient anthropic = new ScriptedClient();

        LlmException e = assertThrows(LlmException.class, () -> router(policy("", Map.of(), List.of("claude")))
                .chat(ask("gpt-4o"), List.of(endpoint("openai", openai, "gpt-4o"), endpoint("anthropic", anthropic, "claude"))));

        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertEquals("scripted AUTHENTICATION", e.getMessage());
        assertEquals(1, openai.calls.size());
        assertTrue(anthropic.calls.isEmpty());
        assertTrue(clock.sleeps.isEmpty());
    }

    @Test
    void fallbackCrossesProvidersAfterRetriesAreSpent() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE);
        ScriptedClient anthropic = new ScriptedClient().answer("from claude");

        ChatResponse r = router(policy("", Map.of(), List.of("gpt-4o", "claude-sonnet-4-5"))).chat(ask("gpt-4o"),
                List.of(endpoint("openai", openai, "gpt-4o"), endpoint("anthropic", anthropic, "claude-sonnet-4-5")));

        assertEquals("from claude", r.content());
        assertEquals("anthropic", r.provider());
        assertTrue(r.fallbackUsed());
        assertEquals(3, openai.calls.size(), "one call and two retries");
        assertEquals(List.of("claude-sonnet-4-5"), anthropic.calls);
    }

    @Test
    void whenEveryCandidateFailsTheErrorNamesEach() {
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE);
        ScriptedClient anthropic = new ScriptedClient().fail(Kind.TIMEOUT).fail(Kind.TIMEOUT).fail(Kind.TIMEOUT);

        LlmException e = assertThrows(LlmException.class, () -> router(policy("", Map.of(), List.of("claude")))
                .chat(ask("gpt-4o"), List.of(endpoint("openai", openai, "gpt-4o"), endpoint("anthropic", anthropic, "claude"))));

        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.retriable());
        assertTrue(e.getMessage().contains("scripted UNAVAILABLE") && e.getMessage().contains("scripted TIMEOUT"));
    }

    @Test
    void circuitOpensAfterConsecutiveFailuresThenProbesAndCloses() {
        RoutingPolicy p = new RoutingPolicy("", Map.of(), List.of(), 0, Duration.ofMillis(500), Duration.ofSeconds(8),
                3, Duration.ofSeconds(30));
        ChatRouter router = router(p);
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE).fail(Kind.UNAVAILABLE);
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", openai, "gpt-4o"));

        for (int i = 0; i < 3; i++) {
            assertThrows(LlmException.class, () -> router.chat(ask("gpt-4o"), endpoints));
        }
        assertEquals(CircuitState.OPEN, router.circuit("openai").state());
        assertFalse(router.models(endpoints).get(0).healthy());

        LlmException refused = assertThrows(LlmException.class, () -> router.chat(ask("gpt-4o"), endpoints));
        assertTrue(refused.getMessage().contains("circuit open"), refused.getMessage());
        assertEquals(3, openai.calls.size(), "an open circuit does not call the endpoint");

        clock.advance(Duration.ofSeconds(30));
        assertEquals(CircuitState.HALF_OPEN, router.circuit("openai").state());
        assertEquals("ok", router.chat(ask("gpt-4o"), endpoints).content());
        assertEquals(CircuitState.CLOSED, router.circuit("openai").state());
    }

    @Test
    void failedProbeReopensTheCircuit() {
        RoutingPolicy p = new RoutingPolicy("", Map.of(), List.of(), 0, Duration.ofMillis(500), Duration.ofSeconds(8),
                1, Duration.ofSeconds(30));
        ChatRouter router = router(p);
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE).fail(Kind.TIMEOUT);
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", openai, "gpt-4o"));

        assertThrows(LlmException.class, () -> router.chat(ask("gpt-4o"), endpoints));
        clock.advance(Duration.ofSeconds(31));
        assertThrows(LlmException.class, () -> router.chat(ask("gpt-4o"), endpoints));

        assertEquals(CircuitState.OPEN, router.circuit("openai").state());
        assertEquals(2, openai.calls.size());
    }

    @Test
    void openCircuitSendsCallsToTheFallback() {
        RoutingPolicy p = new RoutingPolicy("", Map.of(), List.of("claude"), 0, Duration.ofMillis(500),
                Duration.ofSeconds(8), 1, Duration.ofSeconds(30));
        ChatRouter router = router(p);
        ScriptedClient openai = new ScriptedClient().fail(Kind.UNAVAILABLE);
        ScriptedClient anthropic = new ScriptedClient();
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", openai, "gpt-4o"), endpoint("anthropic", anthropic, "claude"));

        router.chat(ask("gpt-4o"), endpoints);
        ChatResponse second = router.chat(ask("gpt-4o"), endpoints);

        assertTrue(second.fallbackUsed());
        assertEquals(1, openai.calls.size());
        assertEquals(2, anthropic.calls.size());
    }

    @Test
    void clientErrorsDoNotCountAsEndpointFailures() {
        RoutingPolicy p = new RoutingPolicy("", Map.of(), List.of(), 0, Duration.ofMillis(500), Duration.ofSeconds(8),
                1, Duration.ofSeconds(30));
        ChatRouter router = router(p);
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", new ScriptedClient().fail(Kind.BAD_REQUEST), "gpt-4o"));

        assertThrows(LlmException.class, () -> router.chat(ask("gpt-4o"), endpoints));

        assertEquals(CircuitState.CLOSED, router.circuit("openai").state());
    }

    @Test
    void excessCallsWaitForASlotThenFailUnavailable() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ChatClient blocking = (request, model, timeout) -> {
            inside.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return ScriptedClient.reply("slow");
        };
        ChatEndpoint one = new ChatEndpoint("local", "openai-compatible", List.of("llama3.2"), Duration.ofSeconds(5), 1,
                blocking);
        RoutingPolicy noRetry = new RoutingPolicy("", Map.of(), List.of(), 0, Duration.ofMillis(1), Duration.ofMillis(1),
                5, Duration.ofSeconds(30));
        ChatRouter router = new ChatRouter(noRetry, java.time.Clock.systemUTC(), Sleeper.THREAD, () -> 0.0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<ChatResponse> first = pool.submit(() -> router.chat(ask("llama3.2"), List.of(one)));
            assertTrue(inside.await(5, TimeUnit.SECONDS));

            long start = System.nanoTime();
            LlmException e = assertThrows(LlmException.class, () -> router.chat(
                    ask("llama3.2").toBuilder().timeout(Duration.ofMillis(150)).build(), List.of(one)));
            long waitedMs = (System.nanoTime() - start) / 1_000_000;

            assertEquals(Kind.UNAVAILABLE, e.kind());
            assertTrue(e.getMessage().contains("max.concurrent"), e.getMessage());
            assertTrue(waitedMs >= 140, "waited " + waitedMs + " ms for a slot");
            release.countDown();
            assertEquals("slow", first.get(5, TimeUnit.SECONDS).content());
            assertEquals(0, one.limit().inFlight(), "slots are given back");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void jsonAnswersMustParse() {
        ScriptedClient openai = new ScriptedClient().answer("Sure! Here it is: {\"a\": 1").answer("{\"a\": 1}");
        List<ChatEndpoint> endpoints = List.of(endpoint("openai", openai, "gpt-4o"));
        ChatRequest json = ask("gpt-4o").toBuilder().responseFormat(ResponseFormat.JSON).build();
        ChatRouter router = router(RoutingPolicy.DEFAULTS);

        LlmException e = assertThrows(LlmException.class, () -> router.chat(json, endpoints));
        assertEquals(Kind.INVALID_RESPONSE, e.kind());
        assertEquals("{\"a\": 1}", router.chat(json, endpoints).content());
    }

    @Test
    void responseCarriesUsageEndpointAndLatency() {
        ChatClient slow = (request, model, timeout) -> {
            clock.advance(Duration.ofMillis(420));
            return ScriptedClient.reply("hi");
        };

        ChatResponse r = router(RoutingPolicy.DEFAULTS).chat(ask("gpt-4o"), List.of(endpoint("openai", slow, "gpt-4o")));

        assertEquals(Duration.ofMillis(420), r.latency());
        assertEquals("openai", r.provider());
        assertEquals(7, r.usage().totalTokens());
    }

    @Test
    void modelsListEveryEndpointsModelsWithoutSecrets() {
        List<ModelInfo> models = router(RoutingPolicy.DEFAULTS).models(List.of(
                endpoint("openai", new ScriptedClient(), "gpt-4o", "gpt-4o-mini"),
                new ChatEndpoint("ollama", "openai-compatible", List.of(), Duration.ofSeconds(5), 1, new ScriptedClient())));

        assertEquals(List.of(
                new ModelInfo("*", "ollama", "openai-compatible", CircuitState.CLOSED),
                new ModelInfo("gpt-4o", "openai", "openai", CircuitState.CLOSED),
                new ModelInfo("gpt-4o-mini", "openai", "openai", CircuitState.CLOSED)), models);
    }

    @Test
    void anEndpointWithoutAModelListServesAnyModel() {
        ScriptedClient ollama = new ScriptedClient();

        router(RoutingPolicy.DEFAULTS).chat(ask("qwen2.5"), List.of(
                new ChatEndpoint("ollama", "openai-compatible", List.of(), Duration.ofSeconds(5), 1, ollama)));

        assertEquals(List.of("qwen2.5"), ollama.calls);
    }
}
