package org.aibase.llm.internal.anthropic;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /messages}: the system prompt is top-level, {@code max_tokens} is required. */
record MessagesRequest(
        String model,
        @JsonProperty("max_tokens") int maxTokens,
        String system,
        List<Message> messages,
        Double temperature,
        @JsonProperty("output_config") Map<String, Object> outputConfig) {

    /** A user or assistant turn. */
    record Message(String role, String content) {
    }
}
