package org.aibase.llm.internal.anthropic;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer of {@code POST /messages}; only the fields the platform uses. */
record MessagesResponse(String model, List<ContentBlock> content, @JsonProperty("stop_reason") String stopReason,
        Usage usage) {

    /** A block of the answer; only {@code text} blocks carry text. */
    record ContentBlock(String type, String text) {
    }

    /** Token counts; cached input counts as input. */
    record Usage(@JsonProperty("input_tokens") Integer inputTokens,
            @JsonProperty("output_tokens") Integer outputTokens,
            @JsonProperty("cache_creation_input_tokens") Integer cacheCreationInputTokens,
            @JsonProperty("cache_read_input_tokens") Integer cacheReadInputTokens) {
    }
}
