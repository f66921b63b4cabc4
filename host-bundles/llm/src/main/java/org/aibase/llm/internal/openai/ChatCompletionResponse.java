package org.aibase.llm.internal.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /chat/completions}; only the fields the platform uses. */
record ChatCompletionResponse(String model, List<Choice> choices, Usage usage) {

    /** One choice; the platform asks for one. */
    record Choice(Message message, @JsonProperty("finish_reason") String finishReason) {
    }

    /** The assistant's message; content is null when it was filtered. */
    record Message(String role, String content) {
    }

    /** Token counts. */
    record Usage(@JsonProperty("prompt_tokens") Integer promptTokens,
            @JsonProperty("completion_tokens") Integer completionTokens) {
    }
}
