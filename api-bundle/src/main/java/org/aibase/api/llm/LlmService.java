package org.aibase.api.llm;

import java.util.List;
import java.util.concurrent.CompletionStage;

import org.osgi.annotation.versioning.ProviderType;

/** Chat with a large language model chosen by name or alias; the platform routes, retries and falls back. */
@ProviderType
public interface LlmService {

    /** Sends the request and waits for the answer; throws {@link LlmException} on failure. */
    ChatResponse chat(ChatRequest request);

    /** Sends the request without blocking; the stage completes exceptionally with {@link LlmException}. */
    CompletionStage<ChatResponse> chatAsync(ChatRequest request);

    /** The models the configured providers serve, with each endpoint's health. */
    List<ModelInfo> models();
}
