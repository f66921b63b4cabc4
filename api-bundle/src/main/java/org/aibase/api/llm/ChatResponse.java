package org.aibase.api.llm;

import java.time.Duration;
import java.util.Objects;

/**
 * A model's answer: its text, the model and endpoint that produced it, token usage, why it stopped,
 * how long it took and whether a fallback model answered instead of the requested one.
 */
public record ChatResponse(String content, String model, String provider, Usage usage, String finishReason,
        Duration latency, boolean fallbackUsed) {

    /** Checks that every field is given. */
    public ChatResponse {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(latency, "latency");
    }
}
