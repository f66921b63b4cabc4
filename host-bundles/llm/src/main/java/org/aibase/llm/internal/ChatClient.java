package org.aibase.llm.internal;

import java.time.Duration;

import org.aibase.api.llm.ChatRequest;

/** Speaks one provider's wire format: one attempt, no retries (the router decides those). */
public interface ChatClient {

    /** Sends the request for the given concrete model; throws LlmException with the provider's reason. */
    ProviderReply send(ChatRequest request, String model, Duration timeout);
}
