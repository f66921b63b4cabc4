package org.aibase.llm.internal.openai;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Usage;
import org.aibase.llm.internal.ChatClient;
import org.aibase.llm.internal.ProviderReply;
import org.aibase.llm.internal.http.HttpReply;
import org.aibase.llm.internal.http.HttpTransport;
import org.aibase.llm.internal.http.Json;
import org.aibase.llm.internal.http.ProviderError;

/** The chat-completions client shared by OpenAI, Azure OpenAI and OpenAI-compatible servers. */
public final class OpenAiChatClient implements ChatClient {

    private final String endpointName;
    private final HttpTransport transport;
    private final OpenAiDialect dialect;
    private final Clock clock;

    /** A client of the named endpoint speaking the given dialect. */
    public OpenAiChatClient(String endpointName, HttpTransport transport, OpenAiDialect dialect, Clock clock) {
        this.endpointName = endpointName;
        this.transport = transport;
        this.dialect = dialect;
        this.clock = clock;
    }

    @Override
    public ProviderReply send(ChatRequest request, String model, Duration timeout) {
        HttpReply reply = transport.postJson(dialect.urlForModel().apply(model), dialect.headers(),
                Json.write(toWire(request, model)), timeout);
        if (!reply.successful()) {
            throw ProviderError.parse(reply).toException(endpointName, reply, clock);
        }
        return fromWire(Json.read(reply.body(), ChatCompletionResponse.class, endpointName), model);
    }

    ChatCompletionRequest toWire(ChatRequest request, String model) {
        List<ChatCompletionRequest.Message> messages = request.messages().stream()
                .map(m -> new ChatCompletionRequest.Message(m.role().name().toLowerCase(Locale.ROOT), m.content()))
                .toList();
        Integer maxTokens = request.maxTokens().isPresent() ? request.maxTokens().getAsInt() : null;
        return new ChatCompletionRequest(
                dialect.modelInBody() ? model : null,
                messages,
                request.temperature().isPresent() ? request.temperature().getAsDouble() : null,
                dialect.legacyMaxTokens() ? null : maxTokens,
                dialect.legacyMaxTokens() ? maxTokens : null,
                responseFormat(request));
    }

    private static Map<String, Object> responseFormat(ChatRequest request) {
        if (request.responseFormat() != ResponseFormat.JSON) {
            return null;
        }
        if (request.jsonSchema().isEmpty()) {
            return Map.of("type", "json_object");
        }
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("name", "response");
        schema.put("schema", request.jsonSchema());
        Map<String, Object> format = new LinkedHashMap<>();
        format.put("type", "json_schema");
        format.put("json_schema", schema);
        return format;
    }

    private ProviderReply fromWire(ChatCompletionResponse response, String requestedModel) {
        if (response.choices() == null || response.choices().isEmpty()) {
            throw new LlmException(Kind.INVALID_RESPONSE, endpointName + ": the answer has no choices");
        }
        ChatCompletionResponse.Choice choice = response.choices().get(0);
        String finishReason = choice.finishReason() == null ? "stop" : choice.finishReason();
        if ("content_filter".equals(finishReason)) {
            throw new LlmException(Kind.CONTENT_FILTERED,
                    endpointName + ": the provider's content filter withheld the answer");
        }
        if (choice.message() == null || choice.message().content() == null) {
            throw new LlmException(Kind.INVALID_RESPONSE, endpointName + ": the answer has no text content");
        }
        ChatCompletionResponse.Usage u = response.usage();
        Usage usage = u == null ? Usage.NONE
                : new Usage(orZero(u.promptTokens()), orZero(u.completionTokens()));
        String model = response.model() == null ? requestedModel : response.model();
        return new ProviderReply(choice.message().content(), model, usage, finishReason);
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
