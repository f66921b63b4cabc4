package org.aibase.llm.internal;

import java.util.Objects;

import org.aibase.api.llm.Usage;

/** What a provider answered, before the router adds endpoint, latency and fallback. */
public record ProviderReply(String content, String model, Usage usage, String finishReason) {

    /** Checks that every field is given. */
    public ProviderReply {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
    }
}
