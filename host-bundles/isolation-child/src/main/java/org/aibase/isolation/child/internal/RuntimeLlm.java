package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.core.type.TypeReference;

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

    private static final TypeReference<List<Map<String, Object>>> LIST = new TypeReference<>() { };
    /** How long beyond the request's own timeout the runtime may take to answer (its retries and fallbacks). */
    private static final Duration LONGEST = Duration.ofMinutes(10);

    private final RuntimeChannel runtime;

    RuntimeLlm(RuntimeChannel runtime) {
        this.runtime = runtime;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        try {
            return answer(runtime.send(ChildProtocol.LLM + "/chat", LlmWire.request(request), timeout(request)));
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
            runtime.sendAsync(ChildProtocol.LLM + "/chat", LlmWire.request(request), timeout(request))
                    .whenComplete((response, failure) -> {
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
            HttpResponse<byte[]> response = runtime.send(ChildProtocol.LLM + "/models", null, Duration.ofSeconds(30));
            if (response.statusCode() != 200) {
                throw LlmWire.error(RuntimeChannel.json(response));
            }
            return RuntimeChannel.json(response, LIST).stream().map(LlmWire::model).toList();
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.UNAVAILABLE, "the runtime did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.Kind.TIMEOUT, "interrupted while waiting for the LLM", e);
        }
    }

    private static Duration timeout(ChatRequest request) {
        return request.timeout().map(t -> t.plus(LONGEST)).orElse(LONGEST);
    }

    private static ChatResponse answer(HttpResponse<byte[]> response) {
        Map<String, Object> json;
        try {
            json = RuntimeChannel.json(response);
        } catch (IOException e) {
            throw new LlmException(LlmException.Kind.INVALID_RESPONSE, "the runtime's answer is not JSON", e);
        }
        if (response.statusCode() != 200) {
            throw LlmWire.error(json);
        }
        return LlmWire.response(json);
    }
}
