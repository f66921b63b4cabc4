package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.ConfigurationRule;

import org.junit.jupiter.api.Test;

class DeclaredDefaultsTest {

    private final DeclaredDefaults defaults = new DeclaredDefaults(Map.of("max_data_points", 10000, "threshold", 0.5,
            "generate_charts", true, "title", "Report", "sources", List.of("a", "b")));

    private final DeclaredDefaults ruled = new DeclaredDefaults(Map.of("depth", "detailed", "points", 10, "tags", List.of("a")),
            Map.of("depth", new ConfigurationRule(Optional.empty(), Optional.empty(), List.of("basic", "detailed"), Optional.empty()),
                    "points", new ConfigurationRule(Optional.of(BigDecimal.ONE), Optional.of(BigDecimal.TEN), List.of(), Optional.empty()),
                    "tags", new ConfigurationRule(Optional.empty(), Optional.empty(), List.of(), Optional.of("[a-z]{1,8}"))));

    @Test
    void aValueBreakingItsRuleIsRefusedNamingTheKeyAndWhatIsAllowed() {
        assertEquals("'depth' must be one of 'basic', 'detailed', not 'deep'",
                assertThrows(IllegalArgumentException.class, () -> ruled.coerce("depth", "deep")).getMessage());
        assertEquals("'points' must be from 1 to 10, not 11",
                assertThrows(IllegalArgumentException.class, () -> ruled.coerce("points", "11")).getMessage(), "a file's string too");
        assertEquals("'tags' must be text matching [a-z]{1,8}, not 'Bad Tag' (in the list)",
                assertThrows(IllegalArgumentException.class, () -> ruled.coerce("tags", "ok, Bad Tag")).getMessage());
        assertEquals(10, ruled.coerce("points", 10L));
        assertEquals(List.of("ok", "fine"), ruled.coerce("tags", List.of("ok", "fine")));
    }

    @Test
    void aStoredValueBreakingItsRuleLeavesTheDefaultAndIsReported() {
        Map<String, String> refused = new LinkedHashMap<>();
        Map<String, Object> effective = ruled.overlay(Map.of("points", 0, "depth", "basic"), refused::put);

        assertEquals(10, effective.get("points"));
        assertEquals("basic", effective.get("depth"));
        assertEquals(Map.of("points", "'points' must be from 1 to 10, not 0"), refused);
    }

    @Test
    void overlaysOperatorValuesOnTheDefaults() {
        Map<String, Object> effective = defaults.overlay(Map.of("max_data_points", 20, "title", "Mine"), (k, p) -> { });

        assertEquals(20, effective.get("max_data_points"));
        assertEquals("Mine", effective.get("title"));
        assertEquals(true, effective.get("generate_charts"));
        assertEquals(List.of("a", "b"), effective.get("sources"));
    }

    @Test
    void readsFileStringsAsTheDeclaredTypes() {
        Map<String, Object> effective = defaults.overlay(Map.of("max_data_points", "42", "threshold", "1",
                "generate_charts", "false", "sources", "x, y ,z"), (k, p) -> { });

        assertEquals(42, effective.get("max_data_points"));
        assertEquals(1.0, effective.get("threshold"));
        assertEquals(false, effective.get("generate_charts"));
        assertEquals(List.of("x", "y", "z"), effective.get("sources"));
    }

    @Test
    void aValueThatDoesNotFitKeepsTheDefaultAndIsReported() {
        List<String> refused = new ArrayList<>();
        Map<String, Object> effective = defaults.overlay(Map.of("max_data_points", "lots"), (k, p) -> refused.add(k));

        assertEquals(10000, effective.get("max_data_points"));
        assertEquals(List.of("max_data_points"), refused);
    }

    @Test
    void refusesWrongTypesNamingKeyTypeAndValue() {
        assertProblem("'max_data_points' must be an integer (declared default 10000), not 4.5", "max_data_points", 4.5);
        assertProblem("'generate_charts' must be a boolean (declared default true), not 'yes'", "generate_charts", "yes");
        assertProblem("'title' must be a string (declared default 'Report'), not 3", "title", 3);
        assertEquals(2.0, defaults.coerce("threshold", 2), "a decimal default accepts any number");
        assertEquals(List.of("c"), defaults.coerce("sources", List.of("c")));
    }

    @Test
    void refusesAnUnknownKeyNamingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> defaults.coerce("colour", "red"));
        assertEquals("'colour' is not a configuration key of this plugin (known: generate_charts, max_data_points, "
                + "sources, threshold, title)", e.getMessage());
    }

    @Test
    void keepsTheDeclaredOrder() {
        Map<String, Object> declared = new LinkedHashMap<>();
        declared.put("b", 1);
        declared.put("a", 2);
        assertEquals(List.of("b", "a"), List.copyOf(new DeclaredDefaults(declared).overlay(Map.of(), (k, p) -> { }).keySet()));
    }

    private void assertProblem(String message, String key, Object value) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, () -> defaults.coerce(key, value)).getMessage());
    }
}
