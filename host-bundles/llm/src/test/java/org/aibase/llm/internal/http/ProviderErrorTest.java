package org.aibase.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** A provider's error text leaves the LLM bundle without the keys it may echo. */
class ProviderErrorTest {

    private static final String KEY = "sk-proj-Q2x7vJr0aBcDeFgHiJkLmNoPqRsTuVwXyZ012345";

    @Test
    void anEchoedAuthorizationHeaderLosesItsToken() {
        ProviderError error = ProviderError.parse(new HttpReply(401, Map.of(),
                "{\"error\":{\"message\":\"invalid credentials in header Authorization: Bearer " + KEY + "\",\"type\":\"auth\"}}"));

        assertEquals("invalid credentials in header Authorization: Bearer [redacted]", error.message());
        assertEquals("auth", error.code(), "the code still decides the kind");
    }

    @Test
    void aPlainTextBodyIsScrubbedToo() {
        ProviderError error = ProviderError.parse(new HttpReply(502, Map.of(),
                "upstream said: api_key=" + KEY + "; x-api-key: 0123456789abcdef0123456789abcdef rejected"));

        assertFalse(error.message().contains(KEY), error.message());
        assertFalse(error.message().contains("0123456789abcdef"), error.message());
        assertEquals("upstream said: api_key=[redacted]; x-api-key: [redacted] rejected", error.message());
    }

    @Test
    void keyShapedWordsAnywhereAreRedactedButOrdinaryWordsStay() {
        assertEquals("Incorrect API key provided: [redacted]. You can find your key at https://platform.example/account.",
                ProviderError.scrub("Incorrect API key provided: " + KEY + ". You can find your key at https://platform.example/account."));
        assertEquals("The model gpt-4o-mini-2024-07-18 does not exist (HTTP 404)",
                ProviderError.scrub("The model gpt-4o-mini-2024-07-18 does not exist (HTTP 404)"));
        assertEquals("token [redacted] expired", ProviderError.scrub("token aib_AbCdEfGhIjKlMnOp expired"));
    }
}
