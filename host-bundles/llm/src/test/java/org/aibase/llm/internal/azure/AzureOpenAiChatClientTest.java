package org.aibase.llm.internal.azure;

import static org.aibase.llm.internal.http.Fixtures.assertJsonMatches;
import static org.aibase.llm.internal.http.Fixtures.json;
import static org.aibase.llm.internal.http.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Usage;
import org.aibase.llm.internal.ProviderReply;
import org.aibase.llm.internal.http.HttpTransport;
import org.aibase.llm.internal.openai.OpenAiChatClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;

class AzureOpenAiChatClientTest {

    static final ChatRequest BASIC = ChatRequest.builder()
            .system("You are a concise assistant for an online bookshop. Answer in one sentence.")
            .user("Do you ship to Canada?")
            .temperature(0.2).maxTokens(256).build();

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HttpTransport transport;
    private OpenAiChatClient client;

    @BeforeEach
    void setUp() {
        transport = new HttpTransport("azure");
        client = new OpenAiChatClient("azure", transport,
                AzureOpenAiDialect.of(server.url("/"), Map.of("gpt-4o", "gpt4o-prod"), "2024-10-21",
                        "0123456789abcdef0123456789abcdef"),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void deploymentPathApiVersionAndApiKeyHeader() throws Exception {
        server.enqueue(json(200, text("azure-openai/response-success.json")));

        ProviderReply reply = client.send(BASIC, "gpt-4o", TIMEOUT);

        RecordedRequest recorded = server.takeRequest();
        assertEquals("/openai/deployments/gpt4o-prod/chat/completions", recorded.getUrl().encodedPath());
        assertEquals("2024-10-21", recorded.getUrl().queryParameter("api-version"));
        assertEquals("0123456789abcdef0123456789abcdef", recorded.getHeaders().get("api-key"));
        assertNull(recorded.getHeaders().get("Authorization"));
        assertJsonMatches("azure-openai/request-basic.json", recorded.getBody().utf8());
        assertEquals("Yes, we ship to Canada, and delivery usually takes 5 to 8 business days.", reply.content());
        assertEquals(new Usage(34, 18), reply.usage());
        assertEquals("gpt-4o-2024-08-06", reply.model());
    }

    @Test
    void jsonModeMatchesTheWireFormat() throws Exception {
        server.enqueue(json(200, text("azure-openai/response-success.json")));
        ChatRequest request = ChatRequest.builder()
                .system("You extract order data. Reply only with a JSON object with keys \"order_id\" (string) and \"quantity\" (integer).")
                .user("Please send 3 more copies for order A-1042.")
                .temperature(0).maxTokens(128).responseFormat(ResponseFormat.JSON).build();

        client.send(request, "gpt-4o", TIMEOUT);

        assertJsonMatches("azure-openai/request-json-mode.json", server.takeRequest().getBody().utf8());
    }

    @Test
    void modelWithoutDeploymentEntryUsesItsOwnName() throws Exception {
        server.enqueue(json(200, text("azure-openai/response-success.json")));

        client.send(BASIC, "gpt-4o-mini", TIMEOUT);

        assertEquals("/openai/deployments/gpt-4o-mini/chat/completions", server.takeRequest().getUrl().encodedPath());
    }

    @Test
    void blockedPromptIsContentFiltered() {
        server.enqueue(json(400, text("azure-openai/error-400-content-filter.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT));

        assertEquals(Kind.CONTENT_FILTERED, e.kind());
    }

    @Test
    void withheldAnswerIsContentFiltered() {
        server.enqueue(json(200, text("azure-openai/response-content-filter.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT));

        assertEquals(Kind.CONTENT_FILTERED, e.kind());
    }

    @Test
    void plainBadRequest() {
        server.enqueue(json(400, text("azure-openai/error-400.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT));

        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("Unrecognized request argument supplied: top_k"));
    }

    @Test
    void gatewayUnauthorizedWithStringCode() {
        server.enqueue(json(401, text("azure-openai/error-401.json")));

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT));

        assertEquals(Kind.AUTHENTICATION, e.kind());
    }

    @Test
    void gatewayRateLimitWithRetryAfter() {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("retry-after", "6")
                .body(text("azure-openai/error-429.json")).build());

        LlmException e = assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(Optional.of(Duration.ofSeconds(6)), e.retryAfter());
    }

    @Test
    void serverError() {
        server.enqueue(json(500, text("azure-openai/error-500.json")));

        assertEquals(Kind.UNAVAILABLE,
                assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT)).kind());
    }

    @Test
    void timeout() {
        server.enqueue(new MockResponse.Builder().code(200).bodyDelay(2, TimeUnit.SECONDS)
                .body(text("azure-openai/response-success.json")).build());

        assertEquals(Kind.TIMEOUT, assertThrows(LlmException.class,
                () -> client.send(BASIC, "gpt-4o", Duration.ofMillis(200))).kind());
    }

    @Test
    void malformedJson() {
        server.enqueue(json(200, "<html>gateway</html>"));

        assertEquals(Kind.INVALID_RESPONSE,
                assertThrows(LlmException.class, () -> client.send(BASIC, "gpt-4o", TIMEOUT)).kind());
    }
}
