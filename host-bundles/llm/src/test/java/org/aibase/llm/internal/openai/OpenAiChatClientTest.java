package org.aibase.llm.internal.openai;

import static org.aibase.llm.internal.http.Fixtures.assertJsonMatches;
import static org.aibase.llm.internal.http.Fixtures.json;
import static org.aibase.llm.internal.http.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Usage;
import org.aibase.llm.internal.ProviderReply;
import org.aibase.llm.internal.http.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

class OpenAiChatClientTest {

    static final ChatRequest BASIC = ChatRequest.builder()
            .system("You are a concise assistant for an online bookshop. Answer in one sentence.")
            .user("Do you ship to Canada?")
            .temperature(0.2).maxTokens(256).build();

    static final ChatRequest JSON_MODE = ChatRequest.builder()
            .system("You extract order data. Reply only with a JSON object with keys \"order_id\" (string) and \"quantity\" (integer).")
            .user("Please send 3 more copies for order A-1042.")
            .temperature(0).maxTokens(128).responseFormat(ResponseFormat.JSON).build();

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HttpTransport transport;
    private OpenAiChatClient client;

    @BeforeEach
    void setUp() {
        transport = new HttpTransport("openai");
        client = new OpenAiChatClient("openai", transport, OpenAiDialect.openAi(server.url("/v1"), "sk-test-123"),
                Clock.fixed(Instant.parse("2025-08-21T17:40:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void basicRequestMatchesTheWireFormatAndTheAnswerIsRead() throws Exception {
        server.enqueue(json(200, text("openai/response-success.json")));

        ProviderReply reply = client.send(BASIC, "gpt-4o-mini", TIMEOUT);

        RecordedRequest recorded = server.takeRequest();
        assertEquals("POST", recorded.getMethod());
        assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("Bearer sk-test-123", recorded.getHeaders().get("Authorization"));
        assertTrue(recorded.getHeaders().get("Content-Type").startsWith("application/json"));
        assertJsonMatches("openai/request-basic.json", recorded.getBody().utf8());
        assertEquals("Yes, we ship to Canada, and delivery usually takes 5 to 8 business days.", reply.content());
        assertEquals("gpt-4o-mini-2024-07-18", reply.model());
        assertEquals(new Usage(34, 18), reply.usage());
        assertEquals("stop", reply.finishReason());
    }

    @Test
    void jsonModeAsksForAJsonObject() throws Exception {
        server.enqueue(json(200, text("openai/response-success.json")));

        client.send(JSON_MODE, "gpt-4o-mini", TIMEOUT);

        assertJsonMatches("openai/request-json-mode.json", server.takeRequest().getBody().utf8());
    }

    @Test
    void badRequestCarriesTheProvidersMessage() {
        server.enqueue(json(400, text("openai/error-400.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertFalse(e.retriable());
        assertTrue(e.getMessage().contains("maximum context length is 128000 tokens"), e.getMessage());
    }

    @Test
    void wrongKeyIsAuthentication() {
        server.enqueue(json(401, text("openai/error-401.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertFalse(e.getMessage().contains("sk-test-123"), "the configured key must not appear in errors");
    }

    @Test
    void rateLimitHonoursRetryAfterSeconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "2")
                .body(text("openai/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertTrue(e.retriable());
        assertEquals(Optional.of(Duration.ofSeconds(2)), e.retryAfter());
    }

    @Test
    void rateLimitPrefersRetryAfterMilliseconds() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after-ms", "258")
                .addHeader("retry-after", "1").body(text("openai/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Optional.of(Duration.ofMillis(258)), e.retryAfter());
    }

    @Test
    void rateLimitWithoutRetryAfterUsesTheResetOfTheExhaustedBudget() {
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("x-ratelimit-remaining-requests", "4999").addHeader("x-ratelimit-reset-requests", "12ms")
                .addHeader("x-ratelimit-remaining-tokens", "0").addHeader("x-ratelimit-reset-tokens", "6m0s")
                .body(text("openai/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Optional.of(Duration.ofMinutes(6)), e.retryAfter());
    }

    @Test
    void insufficientQuotaIsNotRetriable() {
        server.enqueue(json(429, text("openai/error-429-insufficient-quota.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertFalse(e.retriable());
        assertTrue(e.retryAfter().isEmpty());
    }

    @Test
    void serverErrorIsUnavailable() {
        server.enqueue(json(500, text("openai/error-500.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retriable());
    }

    @Test
    void slowAnswerIsTimeout() {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body(text("openai/response-success.json")).build());

        LlmException e = assertThrows(LlmException.class,
                () -> client.send(BASIC, "gpt-4o-mini", Duration.ofMillis(200)));

        assertEquals(Kind.TIMEOUT, e.kind());
    }

    @Test
    void malformedJsonIsInvalidResponse() {
        server.enqueue(json(200, "{\"choices\": [ {\"message\": "));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.INVALID_RESPONSE, e.kind());
    }

    @Test
    void contentFilterFinishReasonIsContentFiltered() {
        server.enqueue(json(200, text("openai/response-content-filter.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o-mini", TIMEOUT));

        assertEquals(Kind.CONTENT_FILTERED, e.kind());
        assertNull(e.retryAfter().orElse(null));
    }

    @Test
    void jsonSchemaIsSentAsStructuredOutput() throws Exception {
        server.enqueue(json(200, text("openai/response-success.json")));
        ChatRequest request = JSON_MODE.toBuilder()
                .jsonSchema(java.util.Map.of("type", "object")).build();

        client.send(request, "gpt-4o-mini", TIMEOUT);

        var format = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(server.takeRequest().getBody().utf8()).get("response_format");
        assertEquals("json_schema", format.get("type").asText());
        assertEquals("object", format.at("/json_schema/schema/type").asText());
    }
}
