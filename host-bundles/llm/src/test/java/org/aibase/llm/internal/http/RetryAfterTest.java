package org.aibase.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class RetryAfterTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-08-21T17:40:00Z"), ZoneOffset.UTC);

    static Optional<Duration> of(Map<String, String> headers) {
        return RetryAfter.of(new HttpReply(429, headers, ""), CLOCK);
    }

    @Test
    void goDurations() {
        assertEquals(Optional.of(Duration.ofMillis(12)), RetryAfter.goDuration("12ms"));
        assertEquals(Optional.of(Duration.ofMinutes(6)), RetryAfter.goDuration("6m0s"));
        assertEquals(Optional.of(Duration.ofMillis(1500)), RetryAfter.goDuration("1.5s"));
        assertEquals(Optional.of(Duration.ofSeconds(3723)), RetryAfter.goDuration("1h2m3s"));
        assertEquals(Optional.empty(), RetryAfter.goDuration("soon"));
        assertEquals(Optional.empty(), RetryAfter.goDuration("5 s"));
    }

    @Test
    void explicitHeadersWinAndUnreadableOnesAreIgnored() {
        assertEquals(Optional.of(Duration.ofMillis(1500)), of(Map.of("retry-after", "1.5")));
        assertEquals(Optional.of(Duration.ofMillis(250)), of(Map.of("retry-after-ms", "250", "retry-after", "9")));
        assertEquals(Optional.empty(), of(Map.of("retry-after", "whenever")));
        assertEquals(Optional.of(Duration.ZERO), of(Map.of("retry-after", "Thu, 21 Aug 2025 17:39:00 GMT")),
                "a date in the past means now");
        assertEquals(Optional.empty(), of(Map.of()));
    }

    @Test
    void providerErrorsAreClassified() {
        assertEquals(org.aibase.api.llm.LlmException.Kind.PERMISSION_DENIED,
                new ProviderError(403, "no", null).kind());
        assertEquals(org.aibase.api.llm.LlmException.Kind.TIMEOUT, new ProviderError(408, "slow", null).kind());
        assertEquals(org.aibase.api.llm.LlmException.Kind.QUOTA_EXCEEDED,
                new ProviderError(400, "pay", "billing_error").kind());
        assertEquals(org.aibase.api.llm.LlmException.Kind.UNAVAILABLE,
                new ProviderError(502, "<html>", null).kind());
    }
}
