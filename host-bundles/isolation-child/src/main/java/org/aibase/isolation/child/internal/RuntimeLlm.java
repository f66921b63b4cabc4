package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.LlmWire;

/**
 * The {@link LlmService} an isolated plugin gets in its JVM: each call goes to the runtime, which runs
 * it with the platform's LLM service as this plugin's (routing, budgets, metering, its token limit),
 * and answers with the response or the service's error, rethrown here as the same {@link LlmException}.
 */
final class RuntimeLlm implements LlmService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    /** How long beyond the request's own timeout the runtime may take to answer (its retries and fallbacks). */
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI runtime;
    private final String secret;

    RuntimeLlm(URI runtime, String secret) {
        this.runtime = runtime;
        this.secret = secret;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return answer(http.send(chatRequest(request), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "the runtime did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for the LLM", e);
        }
    }

    @Override
    public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
        CompletableFuture<ChatResponse> answer = new CompletableFuture<>();
        try {
            http.sendAsync(chatRequest(request), HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, failure) -> {
                if (failure != null) {
                    answer.completeExceptionally(new LlmException(LlmException.Kind.UNAVAILABLE,
                            "the runtime did not answer: " + failure.getMessage(), failure));
                    return;
                }
                try {
                    answer.complete(answer(response));
                } catch (LlmException e) {
                    answer.completeExceptionally(e);
                }
            });
        } catch (IOException e) {
            answer.completeExceptionally(new LlmException(LlmException.Kind.BAD_REQUEST, e.getMessage(), e));
        }
        return answer;
    }

    @Override
    public List<ModelInfo> models() {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(runtime.resolve(ChildProtocol.LLM + "/models"))
                    .header(ChildProtocol.SECRET_HEADER, secret).timeout(Duration.ofSeconds(30)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw LlmWire.error(JSON.readValue(response.body(), OBJECT));
            }
            return JSON.readValue(response.body(), LIST).stream().map(LlmWire::model).toList();
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "the runtime did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for the LLM", e);
        }
    }

    private HttpRequest chatRequest(ChatRequest request) throws IOException {
        return HttpRequest.newBuilder(runtime.resolve(ChildProtocol.LLM + "/chat"))
                .header(ChildProtocol.SECRET_HEADER, secret).header("Content-Type", "application/json")
                .timeout(request.timeout().map(t -> t.plus(LONGEST)).orElse(LONGEST))
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(LlmWire.request(request)))).build();
    }

    private static ChatResponse answer(HttpResponse<byte[]> response) {
        Map<String, Object> json;
        try {
            json = JSON.readValue(response.body(), OBJECT);
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.INVALID_RESPONSE, "the runtime's answer is not JSON", e);
        }
        if (response.statusCode() != 200) {
            throw LlmWire.error(json);
        }
        return LlmWire.response(json);
    }
}
