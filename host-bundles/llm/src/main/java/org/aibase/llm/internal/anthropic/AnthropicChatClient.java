package org.aibase.llm.internal.anthropic;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.aibase.api.llm.ChatMessage;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.llm.Role;
import org.aibase.api.llm.Usage;
import org.aibase.llm.internal.ChatClient;
import org.aibase.llm.internal.ProviderReply;
import org.aibase.llm.internal.http.HttpReply;
import org.aibase.llm.internal.http.HttpTransport;
import org.aibase.llm.internal.http.Json;
import org.aibase.llm.internal.http.ProviderError;

import okhttp3.HttpUrl;

/** The Anthropic Messages API client ({@code POST {base}/messages}). */
public final class AnthropicChatClient implements ChatClient {

    /** Anthropic requires a token cap; this one applies when the request sets none. */
    static final int DEFAULT_MAX_TOKENS = 1024;

    // without a schema there is no JSON switch in the Messages API, so the instruction goes in the prompt
    static final String JSON_INSTRUCTION = "Reply with a single JSON document and nothing else.";

    private final String endpointName;
    private final HttpTransport transport;
    private final HttpUrl messagesUrl;
    private final Map<String, String> headers;
    private final Clock clock;

    /** A client of the named endpoint at {@code baseUrl} (e.g. {@code https://api.anthropic.com/v1}). */
    public AnthropicChatClient(String endpointName, HttpTransport transport, HttpUrl baseUrl, String apiKey,
            String anthropicVersion, Clock clock) {
        this.endpointName = endpointName;
        this.transport = transport;
        this.messagesUrl = baseUrl.newBuilder().addPathSegment("messages").build();
        this.headers = Map.of("x-api-key", apiKey, "anthropic-version", anthropicVersion);
        this.clock = clock;
    }

    @Override
    public ProviderReply send(ChatRequest request, String model, Duration timeout) {
        HttpReply reply = transport.postJson(messagesUrl, headers, Json.write(toWire(request, model)), timeout);
        if (!reply.successful()) {
            throw ProviderError.parse(reply).toException(endpointName, reply, clock);
        }
        return fromWire(Json.read(reply.body(), MessagesResponse.class, endpointName), model);
    }

    MessagesRequest toWire(ChatRequest request, String model) {
        boolean json = request.responseFormat() == ResponseFormat.JSON;
        String system = request.messages().stream()
                .filter(m -> m.role() == Role.SYSTEM)
                .map(ChatMessage::content)
                .collect(Collectors.joining("\n\n"));
        if (json && request.jsonSchema().isEmpty()) {
            system = system.isEmpty() ? JSON_INSTRUCTION : system + "\n\n" + JSON_INSTRUCTION;
        }
        List<MessagesRequest.Message> turns = request.messages().stream()
                .filter(m -> m.role() != Role.SYSTEM)
                .map(m -> new MessagesRequest.Message(m.role().name().toLowerCase(Locale.ROOT), m.content()))
                .toList();
        Map<String, Object> outputConfig = json && !request.jsonSchema().isEmpty()
                ? Map.of("format", Map.of("type", "json_schema", "schema", request.jsonSchema()))
                : null;
        return new MessagesRequest(
                model,
                request.maxTokens().orElse(DEFAULT_MAX_TOKENS),
                system.isEmpty() ? null : system,
                turns,
                request.temperature().isPresent() ? request.temperature().getAsDouble() : null,
                outputConfig);
    }

    private ProviderReply fromWire(MessagesResponse response, String requestedModel) {
        if (response.content() == null) {
            throw new LlmException(Kind.INVALID_RESPONSE, endpointName + ": the answer has no content blocks");
        }
        if ("refusal".equals(response.stopReason())) {
            throw new LlmException(Kind.CONTENT_FILTERED, endpointName + ": the model declined to answer (refusal)");
        }
        String text = response.content().stream()
                .filter(b -> "text".equals(b.type()) && b.text() != null)
                .map(MessagesResponse.ContentBlock::text)
                .collect(Collectors.joining());
        MessagesResponse.Usage u = response.usage();
        Usage usage = u == null ? Usage.NONE
                : new Usage(orZero(u.inputTokens()) + orZero(u.cacheCreationInputTokens()) + orZero(u.cacheReadInputTokens()),
                        orZero(u.outputTokens()));
        String model = response.model() == null ? requestedModel : response.model();
        return new ProviderReply(text, model, usage, finishReason(response.stopReason()));
    }

    // the platform speaks OpenAI's finish reasons so plugins need not know which provider answered
    private static String finishReason(String stopReason) {
        if (stopReason == null) {
            return "stop";
        }
        return switch (stopReason) {
            case "end_turn", "stop_sequence" -> "stop";
            case "max_tokens", "model_context_window_exceeded" -> "length";
            case "tool_use" -> "tool_calls";
            default -> stopReason;
        };
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
