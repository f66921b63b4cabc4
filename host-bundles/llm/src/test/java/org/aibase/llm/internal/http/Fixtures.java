package org.aibase.llm.internal.http;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The provider wire fixtures (copied from the shared test data) and structural JSON comparison. */
public final class Fixtures {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    // 0 and 0.0 are the same temperature; Jackson's node equality would tell IntNode from DoubleNode
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private Fixtures() {
    }

    /** A fixture's text, e.g. {@code openai/response-success.json}. */
    /** A provider's answer: the status and a JSON body. */
    public static mockwebserver3.MockResponse json(int code, String body) {
        return new mockwebserver3.MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(body).build();
    }

    public static String text(String path) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Asserts that the JSON text equals the fixture as a tree (order of keys and number form aside). */
    public static void assertJsonMatches(String fixturePath, String actualJson) {
        try {
            JsonNode expected = MAPPER.readTree(text(fixturePath));
            JsonNode actual = MAPPER.readTree(actualJson);
            assertTrue(expected.equals(NUMBERS_BY_VALUE, actual),
                    "request body differs from " + fixturePath + "\nexpected: " + expected + "\nactual:   " + actual);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
