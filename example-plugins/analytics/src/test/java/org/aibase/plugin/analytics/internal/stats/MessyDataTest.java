package org.aibase.plugin.analytics.internal.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.frame.JsonDatasetReader;
import org.junit.jupiter.api.Test;

/** Messy records; every expected value is what pandas 1.5.3 (with bottleneck) answered for them. */
class MessyDataTest {

    private static final String MESSY = """
            {"name": "messy", "records": [
             {"n":1,"mix":1,"allnull":null,"s":"","big":1e308,"u":"ünïcödé","b":true},
             {"n":2,"mix":"a","allnull":null,"s":"x","big":1e308,"u":"😀","b":false},
             {"n":2,"mix":"a","allnull":null,"s":"x","big":-1e308,"u":"\\ufffd","b":true},
             {"n":2,"mix":"a","allnull":null,"s":"x","big":-1e308,"u":"\\ufffd","b":true}]}
            """;

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    private static DataFrame frame(String json) {
        return new JsonDatasetReader(new DatasetLimits(1000, 50, 32_768, 16L << 20)).read(json.getBytes(StandardCharsets.UTF_8)).frame();
    }

    @Test
    void messyColumnsAreTypedAndSummarisedAsPandasDoes() throws Exception {
        JsonNumbers numbers = new JsonNumbers();
        DataFrame frame = frame(MESSY);
        Map<String, Object> s = StatisticsReport.statistics(frame, numbers);
        assertEquals(Map.of("n", "int64", "mix", "object", "allnull", "object", "s", "object", "big", "float64",
                "u", "object", "b", "bool"), s.get("data_types"));
        assertEquals(Map.of("n", 0, "mix", 0, "allnull", 4, "s", 0, "big", 0, "u", 0, "b", 0), s.get("missing_values"));
        Map<String, Object> categorical = map(s.get("categorical_columns"));
        assertEquals(Map.of("unique_count", 2, "top_values", Map.of("a", 3, "1", 1), "mode", "a"), categorical.get("mix"));
        assertEquals(Map.of("unique_count", 0, "top_values", Map.of(), "mode", java.util.Optional.empty()),
                Map.of("unique_count", map(categorical.get("allnull")).get("unique_count"),
                        "top_values", map(categorical.get("allnull")).get("top_values"),
                        "mode", java.util.Optional.ofNullable(map(categorical.get("allnull")).get("mode"))));
        assertEquals(Map.of("unique_count", 2, "top_values", Map.of("x", 3, "", 1), "mode", "x"), categorical.get("s"));
        Map<String, Object> u = map(categorical.get("u"));
        assertEquals(3, u.get("unique_count"));
        assertEquals("\ufffd", u.get("mode"));
        assertEquals(java.util.List.of("\ufffd", "ünïcödé", "😀"), java.util.List.copyOf(map(u.get("top_values")).keySet()));
        assertTrue(!map(s.get("numeric_columns")).containsKey("b"), "bool columns are not numeric in pandas' select_dtypes");

        Map<String, Object> big = map(map(s.get("numeric_columns")).get("big"));
        assertNull(big.get("mean"), "pandas: inf");
        assertNull(big.get("std"), "pandas: inf");
        assertEquals(0.0, big.get("median"));
        assertEquals(-1e308, big.get("min"));
        assertNull(map(big.get("quartiles")).get("0.5"), "pandas: -inf (numpy's lerp over an infinite difference)");
        assertEquals(1e308, map(big.get("quartiles")).get("0.75"));
        assertTrue(numbers.notes().contains("statistics.numeric_columns.big.mean is +Infinity: written as null"), numbers.notes().toString());

        Map<String, Object> n = map(map(s.get("numeric_columns")).get("n"));
        assertEquals(1.75, n.get("mean"));
        assertEquals(0.5, n.get("std"));
        assertEquals(Map.of("0.25", 1.75, "0.5", 2.0, "0.75", 2.0), n.get("quartiles"));

        assertEquals(Map.of("completeness", 0.857, "uniqueness", 0.75, "overall_score", 0.804, "assessment", "good",
                "missing_cells", 4L, "duplicate_rows", 1), StatisticsReport.quality(frame));
        // and the whole result is valid JSON
        new ObjectMapper().readTree(new ObjectMapper().writeValueAsString(s));
    }

    @Test
    void oneRowHasNoSampleStandardDeviation() {
        JsonNumbers numbers = new JsonNumbers();
        Map<String, Object> s = StatisticsReport.statistics(frame("{\"name\":\"one\",\"records\":[{\"a\":5.5,\"t\":\"z\"}]}"), numbers);
        Map<String, Object> a = map(map(s.get("numeric_columns")).get("a"));
        assertNull(a.get("std"));
        assertEquals(5.5, a.get("mean"));
        assertEquals(Map.of("0.25", 5.5, "0.5", 5.5, "0.75", 5.5), a.get("quartiles"));
        assertEquals(java.util.List.of("statistics.numeric_columns.a.std is NaN (the sample standard deviation of one value): written as null"),
                numbers.notes());
    }

    @Test
    void nanAndInfinityLiteralsAreAcceptedAsPythonDoes() {
        JsonNumbers numbers = new JsonNumbers();
        DataFrame f = frame("{\"records\":[{\"a\":NaN},{\"a\":1},{\"a\":Infinity},{\"a\":3}]}");
        Map<String, Object> a = map(map(StatisticsReport.statistics(f, numbers).get("numeric_columns")).get("a"));
        assertEquals(1, f.columns().get(0).missing());
        assertNull(a.get("mean"));
        assertNull(a.get("max"));
        assertEquals(1.0, a.get("min"));
    }
}
