package org.aibase.llm.internal.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of {@code POST /chat/completions} (OpenAI, Azure OpenAI, OpenAI-compatible servers). */
record ChatCompletionRequest(
        String model,
        List<Message> messages,
        Double temperature,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("response_format") Map<String, Object> responseFormat) {

    /** One message: role {@code system}, {@code user} or {@code assistant}. */
    record Message(String role, String content) {
    }
}
