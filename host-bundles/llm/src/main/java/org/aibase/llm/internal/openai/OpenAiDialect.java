package org.aibase.llm.internal.openai;

import java.util.Map;
import java.util.function.Function;

import okhttp3.HttpUrl;

/**
 * How one OpenAI-shaped service differs from the others: where a model's calls go, which headers
 * authenticate, whether the body names the model (Azure's deployment path does instead) and which
 * token-cap field it understands ({@code max_completion_tokens}; Ollama only knows {@code max_tokens}).
 */
public record OpenAiDialect(Function<String, HttpUrl> urlForModel, Map<String, String> headers,
        boolean modelInBody, boolean legacyMaxTokens) {

    /** Copies the headers. */
    public OpenAiDialect {
        headers = Map.copyOf(headers);
    }

    /** OpenAI itself: {@code {base}/chat/completions}, bearer key. */
    public static OpenAiDialect openAi(HttpUrl baseUrl, String apiKey) {
        return new OpenAiDialect(model -> chatCompletions(baseUrl), Map.of("Authorization", "Bearer " + apiKey),
                true, false);
    }

    /** An OpenAI-compatible server (Ollama, vLLM, LM Studio): a key only when one is configured. */
    public static OpenAiDialect compatible(HttpUrl baseUrl, String apiKeyOrEmpty) {
        Map<String, String> headers = apiKeyOrEmpty.isEmpty() ? Map.of()
                : Map.of("Authorization", "Bearer " + apiKeyOrEmpty);
        return new OpenAiDialect(model -> chatCompletions(baseUrl), headers, true, true);
    }

    private static HttpUrl chatCompletions(HttpUrl baseUrl) {
        return baseUrl.newBuilder().addPathSegments("chat/completions").build();
    }
}
