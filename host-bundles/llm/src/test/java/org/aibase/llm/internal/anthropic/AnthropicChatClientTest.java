package org.aibase.llm.internal.anthropic;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

class AnthropicChatClientTest {

    static final ChatRequest BASIC = ChatRequest.builder()
            .system("You are a concise assistant for an online bookshop. Answer in one sentence.")
            .user("Do you ship to Canada?")
            .temperature(0.2).maxTokens(256).build();

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final Instant NOW = Instant.parse("2025-08-21T17:40:00Z");

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HttpTransport transport;
    private AnthropicChatClient client;

    @BeforeEach
    void setUp() {
        transport = new HttpTransport("anthropic");
        client = new AnthropicChatClient("anthropic", transport, server.url("/v1"), "sk-ant-api03-test", "2023-06-01",
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void basicRequestPutsTheSystemPromptAtTopLevel() throws Exception {
        server.enqueue(json(200, text("anthropic/response-success.json")));

        ProviderReply reply = client.send(BASIC, "claude-sonnet-4-5", TIMEOUT);

        RecordedRequest recorded = server.takeRequest();
        assertEquals("/v1/messages", recorded.getUrl().encodedPath());
        assertEquals("sk-ant-api03-test", recorded.getHeaders().get("x-api-key"));
        assertEquals("2023-06-01", recorded.getHeaders().get("anthropic-version"));
        assertNull(recorded.getHeaders().get("Authorization"));
        assertJsonMatches("anthropic/request-basic.json", recorded.getBody().utf8());
        assertEquals("Yes, we ship to Canada, and delivery usually takes 5 to 8 business days.", reply.content());
        assertEquals("claude-sonnet-4-5-20250929", reply.model());
        assertEquals(new Usage(31, 20), reply.usage());
        assertEquals("stop", reply.finishReason(), "end_turn is reported as stop");
    }

    @Test
    void jsonSchemaGoesInOutputConfig() throws Exception {
        server.enqueue(json(200, text("anthropic/response-success.json")));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("properties", Map.of("order_id", Map.of("type", "string"), "quantity", Map.of("type", "integer")));
        schema.put("required", List.of("order_id", "quantity"));
        schema.put("additionalProperties", false);
        ChatRequest request = ChatRequest.builder()
                .system("You extract order data from customer messages.")
                .user("Please send 3 more copies for order A-1042.")
                .temperature(0).maxTokens(128).jsonSchema(schema).build();

        client.send(request, "claude-sonnet-4-5", TIMEOUT);

        assertJsonMatches("anthropic/request-json-mode.json", server.takeRequest().getBody().utf8());
    }

    @Test
    void jsonWithoutSchemaAsksInTheSystemPromptAndMaxTokensDefaults() throws Exception {
        server.enqueue(json(200, text("anthropic/response-success.json")));
        ChatRequest request = ChatRequest.builder().system("Extract orders.").user("3 copies for A-1042")
                .responseFormat(ResponseFormat.JSON).build();

        client.send(request, "claude-sonnet-4-5", TIMEOUT);

        JsonNode body = new ObjectMapper().readTree(server.takeRequest().getBody().utf8());
        assertEquals(AnthropicChatClient.DEFAULT_MAX_TOKENS, body.get("max_tokens").asInt());
        assertEquals("Extract orders.\n\n" + AnthropicChatClient.JSON_INSTRUCTION, body.get("system").asText());
        assertFalse(body.has("output_config"));
        assertFalse(body.has("temperature"));
    }

    @Test
    void badRequest() {
        server.enqueue(json(400, text("anthropic/error-400.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("max_tokens: Field required"));
    }

    @Test
    void wrongKey() {
        server.enqueue(json(401, text("anthropic/error-401.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Kind.AUTHENTICATION, e.kind());
        assertFalse(e.getMessage().contains("sk-ant-api03-test"));
    }

    @Test
    void rateLimitWithRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "17")
                .body(text("anthropic/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Duration.ofSeconds(17)), e.retryAfter());
    }

    @Test
    void rateLimitWithOnlyResetHeadersWaitsUntilTheExhaustedBudgetResets() {
        server.enqueue(new MockResponse.Builder().code(429)
                .addHeader("anthropic-ratelimit-requests-remaining", "999")
                .addHeader("anthropic-ratelimit-requests-reset", "2025-08-21T17:45:00Z")
                .addHeader("anthropic-ratelimit-input-tokens-remaining", "0")
                .addHeader("anthropic-ratelimit-input-tokens-reset", "2025-08-21T17:40:59Z")
                .body(text("anthropic/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Optional.of(Duration.ofSeconds(59)), e.retryAfter());
    }

    @Test
    void retryAfterAsHttpDate() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "Thu, 21 Aug 2025 17:40:30 GMT")
                .body(text("anthropic/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Optional.of(Duration.ofSeconds(30)), e.retryAfter());
    }

    @Test
    void serverError() {
        server.enqueue(json(500, text("anthropic/error-500.json")));

        assertEquals(Kind.UNAVAILABLE,
                assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT)).kind());
    }

    @Test
    void overloadedIsRetriableUnavailable() {
        server.enqueue(json(529, text("anthropic/error-529.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retriable());
        assertTrue(e.getMessage().contains("Overloaded"));
    }

    @Test
    void timeout() {
        server.enqueue(new MockResponse.Builder().code(200).headersDelay(2, TimeUnit.SECONDS)
                .body(text("anthropic/response-success.json")).build());

        assertEquals(Kind.TIMEOUT, assertThrows(LlmException.class,
                () -> client.send(BASIC, "claude-sonnet-4-5", Duration.ofMillis(200))).kind());
    }

    @Test
    void malformedJson() {
        server.enqueue(json(200, "{\"content\": [{\"type\": \"text\", "));

        assertEquals(Kind.INVALID_RESPONSE,
                assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT)).kind());
    }

    @Test
    void refusalIsContentFiltered() {
        server.enqueue(json(200, text("anthropic/response-success.json").replace("\"end_turn\"", "\"refusal\"")));

        assertEquals(Kind.CONTENT_FILTERED,
                assertThrows(LlmException.class, () -> client.send(BASIC, "claude-sonnet-4-5", TIMEOUT)).kind());
    }
}
