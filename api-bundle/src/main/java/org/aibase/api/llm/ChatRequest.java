package org.aibase.api.llm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** An immutable chat request: the conversation, the model (a name or an alias) and generation options. */
public final class ChatRequest {

    /** The model name that means "the router's default model". */
    public static final String DEFAULT_MODEL = "default";

    private final List<ChatMessage> messages;
    private final String model;
    private final Double temperature;
    private final Integer maxTokens;
    private final ResponseFormat responseFormat;
    private final Map<String, Object> jsonSchema;
    private final Duration timeout;

    private ChatRequest(Builder b) {
        if (b.messages.isEmpty()) {
            throw new IllegalArgumentException("a chat request needs at least one message");
        }
        if (b.temperature != null && (b.temperature < 0 || b.temperature > 2)) {
            throw new IllegalArgumentException("temperature must be between 0 and 2: " + b.temperature);
        }
        if (b.maxTokens != null && b.maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be positive: " + b.maxTokens);
        }
        if (b.timeout != null && (b.timeout.isNegative() || b.timeout.isZero())) {
            throw new IllegalArgumentException("timeout must be positive: " + b.timeout);
        }
        this.messages = List.copyOf(b.messages);
        this.model = b.model;
        this.temperature = b.temperature;
        this.maxTokens = b.maxTokens;
        this.responseFormat = b.jsonSchema.isEmpty() ? b.responseFormat : ResponseFormat.JSON;
        this.jsonSchema = Collections.unmodifiableMap(new LinkedHashMap<>(b.jsonSchema));
        this.timeout = b.timeout;
    }

    /** A builder with model "default", text format and the provider's defaults for everything else. */
    public static Builder builder() {
        return new Builder();
    }

    /** A request of one user message to the default model. */
    public static ChatRequest of(String userMessage) {
        return builder().user(userMessage).build();
    }

    /** The conversation, in order. */
    public List<ChatMessage> messages() {
        return messages;
    }

    /** The model name or alias ("default" for the router's default). */
    public String model() {
        return model;
    }

    /** The sampling temperature, if set (0 to 2; Anthropic accepts 0 to 1). */
    public OptionalDouble temperature() {
        return temperature == null ? OptionalDouble.empty() : OptionalDouble.of(temperature);
    }

    /** The cap on generated tokens, if set. */
    public OptionalInt maxTokens() {
        return maxTokens == null ? OptionalInt.empty() : OptionalInt.of(maxTokens);
    }

    /** Text or JSON. */
    public ResponseFormat responseFormat() {
        return responseFormat;
    }

    /** A JSON schema the answer must follow (JSON format only); empty when any JSON object will do. */
    public Map<String, Object> jsonSchema() {
        return jsonSchema;
    }

    /** The time one attempt may take, if set; otherwise the endpoint's configured timeout. */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** A builder holding this request's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messages.addAll(messages);
        b.model = model;
        b.temperature = temperature;
        b.maxTokens = maxTokens;
        b.responseFormat = responseFormat;
        b.jsonSchema.putAll(jsonSchema);
        b.timeout = timeout;
        return b;
    }

    /** Names the model and the size of the conversation, never its content. */
    @Override
    public String toString() {
        return "ChatRequest[model=" + model + ", messages=" + messages.size() + ", format=" + responseFormat + "]";
    }

    /** Builds a {@link ChatRequest}. */
    public static final class Builder {
        private final List<ChatMessage> messages = new ArrayList<>();
        private String model = DEFAULT_MODEL;
        private Double temperature;
        private Integer maxTokens;
        private ResponseFormat responseFormat = ResponseFormat.TEXT;
        private final Map<String, Object> jsonSchema = new LinkedHashMap<>();
        private Duration timeout;

        private Builder() {
        }

        /** Appends a message. */
        public Builder message(ChatMessage message) {
            messages.add(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Appends a system message. */
        public Builder system(String content) {
            return message(ChatMessage.system(content));
        }

        /** Appends a user message. */
        public Builder user(String content) {
            return message(ChatMessage.user(content));
        }

        /** Appends an assistant message. */
        public Builder assistant(String content) {
            return message(ChatMessage.assistant(content));
        }

        /** Sets the model name or alias. */
        public Builder model(String model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** Sets the sampling temperature. */
        public Builder temperature(double temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Sets the cap on generated tokens. */
        public Builder maxTokens(int maxTokens) {
            this.maxTokens = maxTokens;
            return this;
        }

        /** Sets text or JSON. */
        public Builder responseFormat(ResponseFormat format) {
            this.responseFormat = Objects.requireNonNull(format, "format");
            return this;
        }

        /** Asks for JSON that follows the schema (implies {@link ResponseFormat#JSON}). */
        public Builder jsonSchema(Map<String, Object> schema) {
            jsonSchema.clear();
            jsonSchema.putAll(Objects.requireNonNull(schema, "schema"));
            return this;
        }

        /** Sets the time one attempt may take. */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** The request. */
        public ChatRequest build() {
            return new ChatRequest(this);
        }
    }
}
