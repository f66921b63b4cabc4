package org.aibase.llm.internal.openai;

import static org.aibase.llm.internal.http.Fixtures.assertJsonMatches;
import static org.aibase.llm.internal.http.Fixtures.json;
import static org.aibase.llm.internal.http.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;

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

/** An OpenAI-compatible server, with Ollama's recorded answers. */
class OllamaCompatibleClientTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);

    @StartStop
    final MockWebServer server = new MockWebServer();

    private HttpTransport transport;
    private OpenAiChatClient client;

    @BeforeEach
    void setUp() {
        transport = new HttpTransport("ollama");
        client = new OpenAiChatClient("ollama", transport, OpenAiDialect.compatible(server.url("/v1"), ""),
                Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        transport.close();
    }

    @Test
    void basicRequestUsesMaxTokensAndNoKey() throws Exception {
        server.enqueue(json(200, text("ollama/response-success.json")));

        ProviderReply reply = client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT);

        RecordedRequest recorded = server.takeRequest();
        assertEquals("/v1/chat/completions", recorded.getUrl().encodedPath());
        assertNull(recorded.getHeaders().get("Authorization"));
        assertJsonMatches("ollama/request-basic.json", recorded.getBody().utf8());
        assertEquals(new Usage(45, 19), reply.usage());
        assertEquals("llama3.2", reply.model());
    }

    @Test
    void jsonModeMatchesTheWireFormat() throws Exception {
        server.enqueue(json(200, text("ollama/response-success.json")));

        client.send(OpenAiChatClientTest.JSON_MODE, "llama3.2", TIMEOUT);

        assertJsonMatches("ollama/request-json-mode.json", server.takeRequest().getBody().utf8());
    }

    @Test
    void configuredKeyIsSentAsBearer() throws Exception {
        HttpTransport keyed = new HttpTransport("vllm");
        try {
            server.enqueue(json(200, text("ollama/response-success.json")));
            new OpenAiChatClient("vllm", keyed, OpenAiDialect.compatible(server.url("/v1"), "ollama"), Clock.systemUTC())
                    .send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT);
            assertEquals("Bearer ollama", server.takeRequest().getHeaders().get("Authorization"));
        } finally {
            keyed.close();
        }
    }

    @Test
    void modelNotPulledSaysNotFound() {
        server.enqueue(json(404, text("ollama/error-404.json")));

        LlmException e = assertThrows(LlmException.class,
                () -> client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT));

        assertEquals(Kind.BAD_REQUEST, e.kind());
        assertTrue(e.getMessage().contains("not found"), e.getMessage());
        assertTrue(e.getMessage().contains("model 'llama3.2' not found"), e.getMessage());
    }

    @Test
    void queueFullIsRetriableUnavailable() {
        server.enqueue(json(503, text("ollama/error-503.json")));

        LlmException e = assertThrows(LlmException.class,
                () -> client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT));

        assertEquals(Kind.UNAVAILABLE, e.kind());
        assertTrue(e.retriable());
    }

    @Test
    void flatErrorShapeOfCloudModels() {
        server.enqueue(json(401, text("ollama/error-401.json")));

        assertEquals(Kind.AUTHENTICATION, assertThrows(LlmException.class,
                () -> client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT)).kind());
    }

    @Test
    void badRequestAndServerError() {
        server.enqueue(json(400, text("ollama/error-400.json")));
        server.enqueue(json(500, text("ollama/error-500.json")));

        assertEquals(Kind.BAD_REQUEST, assertThrows(LlmException.class,
                () -> client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT)).kind());
        assertEquals(Kind.UNAVAILABLE, assertThrows(LlmException.class,
                () -> client.send(OpenAiChatClientTest.BASIC, "llama3.2", TIMEOUT)).kind());
    }

    @Test
    void textModeSendsNoResponseFormat() throws Exception {
        server.enqueue(json(200, text("ollama/response-success.json")));

        client.send(OpenAiChatClientTest.BASIC.toBuilder().responseFormat(ResponseFormat.TEXT).build(), "llama3.2",
                TIMEOUT);

        assertTrue(!server.takeRequest().getBody().utf8().contains("response_format"));
    }
}
