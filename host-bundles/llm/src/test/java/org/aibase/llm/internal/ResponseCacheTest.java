package org.aibase.llm.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.Usage;
import org.junit.jupiter.api.Test;

class ResponseCacheTest {

    private Instant now = Instant.parse("2026-11-21T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private static final ChatResponse ANSWER = new ChatResponse("4", "gpt-4o-mini", "openai", new Usage(10, 1),
            "stop", Duration.ofMillis(300), false);

    private static ChatRequest question(double temperature) {
        return ChatRequest.builder().user("2+2?").model("fast").temperature(temperature).build();
    }

    @Test
    void servesIdenticalRequestsAtTemperatureZeroUntilTheyAge() {
        ResponseCache cache = new ResponseCache(10, Duration.ofMinutes(5), clock);
        cache.put(question(0), ANSWER);
        assertEquals(Optional.of(ANSWER), cache.get(question(0)));
        assertTrue(cache.get(ChatRequest.builder().user("3+3?").model("fast").temperature(0).build()).isEmpty());
        now = now.plus(Duration.ofMinutes(6));
        assertTrue(cache.get(question(0)).isEmpty(), "too old");
    }

    @Test
    void neverForOtherTemperaturesNorWhenOff() {
        ResponseCache cache = new ResponseCache(10, Duration.ofMinutes(5), clock);
        cache.put(question(0.7), ANSWER);
        assertTrue(cache.get(question(0.7)).isEmpty(), "a sample is asked for");
        ResponseCache off = new ResponseCache(0, Duration.ofMinutes(5), clock);
        off.put(question(0), ANSWER);
        assertTrue(off.get(question(0)).isEmpty());
    }

    @Test
    void keepsTheMostRecentlyUsedEntries() {
        ResponseCache cache = new ResponseCache(1, Duration.ofMinutes(5), clock);
        cache.put(question(0), ANSWER);
        ChatRequest other = ChatRequest.builder().user("other").model("fast").temperature(0).build();
        cache.put(other, ANSWER);
        assertTrue(cache.get(question(0)).isEmpty());
        assertEquals(Optional.of(ANSWER), cache.get(other));
    }
}
