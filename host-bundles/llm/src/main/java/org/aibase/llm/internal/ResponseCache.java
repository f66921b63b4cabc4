package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.llm.ChatMessage;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.ResponseFormat;

/**
 * Answers identical requests at temperature 0 from memory (off unless {@code cache.size} is set).
 * Only temperature 0 qualifies: at any other temperature a caller asks for a fresh sample. A cached
 * answer costs the plugin no tokens. Bounded by entries (least recently used go first) and by age.
 */
final class ResponseCache {

    /** What makes two requests the same question. */
    private record Key(String model, List<ChatMessage> messages, int maxTokens, ResponseFormat format,
            Map<String, Object> jsonSchema) {
    }

    private record Entry(ChatResponse response, Instant stored) {
    }

    private final int size;
    private final Duration ttl;
    private final Clock clock;
    private final Map<Key, Entry> entries;

    ResponseCache(int size, Duration ttl, Clock clock) {
        this.size = size;
        this.ttl = ttl;
        this.clock = clock;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
                return size() > ResponseCache.this.size;
            }
        };
    }

    /** The cached answer to this request, if it qualifies and one is fresh. */
    synchronized Optional<ChatResponse> get(ChatRequest request) {
        Optional<Key> key = key(request);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = entries.get(key.get());
        if (entry == null || entry.stored().plus(ttl).isBefore(clock.instant())) {
            entries.remove(key.get());
            return Optional.empty();
        }
        return Optional.of(entry.response());
    }

    /** Keeps the answer to this request, if it qualifies. */
    synchronized void put(ChatRequest request, ChatResponse response) {
        key(request).ifPresent(k -> entries.put(k, new Entry(response, clock.instant())));
    }

    private Optional<Key> key(ChatRequest request) {
        if (size <= 0 || request.temperature().isEmpty() || request.temperature().getAsDouble() != 0.0) {
            return Optional.empty();
        }
        return Optional.of(new Key(request.model(), request.messages(), request.maxTokens().orElse(-1),
                request.responseFormat(), request.jsonSchema()));
    }
}
