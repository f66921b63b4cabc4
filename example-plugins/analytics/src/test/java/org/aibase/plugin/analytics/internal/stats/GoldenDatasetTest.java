package org.aibase.plugin.analytics.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.plugin.analytics.internal.frame.CsvDatasetReader;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.frame.JsonDatasetReader;
import org.junit.jupiter.api.Test;

/**
 * The seed's pandas code computed {@code golden/expected.json} from {@code golden/dataset.json}
 * (2,000 rows, pandas 1.5.3); the same numbers must come out of the JSON body and of the same
 * rows as CSV. Counts, types and texts must be equal; floats equal to a relative 1e-12.
 */
class GoldenDatasetTest {

    static final double RELATIVE_TOLERANCE = 1e-12;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DatasetLimits LIMITS = new DatasetLimits(1_000_000, 500, 32_768, 16L << 20);

    static byte[] resource(String name) throws IOException {
        try (InputStream in = GoldenDatasetTest.class.getResourceAsStream("/golden/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void jsonRecordsGiveThePandasNumbers() throws IOException {
        DataFrame frame = new JsonDatasetReader(LIMITS).read(resource("dataset.json")).frame();
        assertMatchesExpected(frame);
    }

    @Test
    void csvGivesThePandasNumbers() throws IOException {
        DataFrame frame = new CsvDatasetReader(LIMITS).read(resource("dataset.csv"));
        assertMatchesExpected(frame);
    }

    private static void assertMatchesExpected(DataFrame frame) throws IOException {
        JsonNode expected = MAPPER.readTree(resource("expected.json"));
        JsonNumbers numbers = new JsonNumbers();
        Map<String, Object> actual = Map.of(
                "row_count", frame.rows(),
                "column_count", frame.columns().size(),
                "statistics", StatisticsReport.statistics(frame, numbers),
                "data_quality", StatisticsReport.quality(frame));
        JsonNode actualTree = MAPPER.valueToTree(actual);
        List<String> differences = new ArrayList<>();
        int[] exactFloats = new int[2];
        compare("", expected.get("statistics"), actualTree.get("statistics"), differences, exactFloats);
        compare("", expected.get("data_quality"), actualTree.get("data_quality"), differences, exactFloats);
        assertEquals(expected.get("row_count").asInt(), frame.rows());
        assertEquals(expected.get("column_count").asInt(), frame.columns().size());
        if (!differences.isEmpty()) {
            fail(String.join("\n", differences));
        }
        assertTrue(numbers.notes().isEmpty(), numbers.notes().toString());
        System.out.println("golden: " + exactFloats[0] + " of " + exactFloats[1] + " floats bit-equal to pandas'");
        assertTrue(exactFloats[1] > 50, "compared " + exactFloats[1] + " floats");
    }

    /** Walks both trees; exactFloats counts bit-equal floats and all floats compared. */
    static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences, int[] exactFloats) {
        if (actual == null) {
            differences.add(path + ": missing");
            return;
        }
        if (expected.isObject()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": keys " + keys(expected) + " but got " + keys(actual));
            }
            expected.fields().forEachRemaining(e -> compare(path + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()), differences, exactFloats));
        } else if (expected.isFloatingPointNumber() || actual.isFloatingPointNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            exactFloats[1]++;
            if (e == a) {
                exactFloats[0]++;
            } else if (Math.abs(e - a) > RELATIVE_TOLERANCE * Math.abs(e)) {
                differences.add(path + ": expected " + e + " got " + a);
            }
        } else if (expected.isIntegralNumber() && actual.isIntegralNumber()) {
            if (expected.asLong() != actual.asLong()) {
                differences.add(path + ": expected " + expected + " got " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + " got " + actual);
        }
    }

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(keys::add);
        keys.sort(null);
        return keys;
    }
}
