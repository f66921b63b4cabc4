package org.aibase.plugin.analytics.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.export.DataTable;
import org.junit.jupiter.api.Test;

/**
 * The golden result ({@code golden/expected.json}, pandas' numbers) as export tables: one row per
 * numeric and per categorical column with its type and missing count, the quality figures, and
 * numbers kept as numbers.
 */
class ResultTablesTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> golden() throws Exception {
        try (InputStream in = ResultTablesTest.class.getResourceAsStream("/golden/expected.json")) {
            return new ObjectMapper().readValue(in, Map.class);
        }
    }

    private static DataTable table(List<DataTable> tables, String name) {
        return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError(name));
    }

    @Test
    void theGoldenResultBecomesFourTablesWithPandasNumbers() throws Exception {
        List<DataTable> tables = ResultTables.of(golden());
        assertEquals(List.of("summary", "numeric statistics", "categorical statistics", "data quality"),
                tables.stream().map(DataTable::name).toList());

        DataTable numeric = table(tables, "numeric statistics");
        assertEquals(ResultTables.NUMERIC_COLUMNS, numeric.columns());
        assertEquals(List.of("age", "amount", "id", "price", "quantity", "rating", "score"),
                numeric.rows().stream().map(r -> r.get(0)).toList());
        assertEquals(List.of("age", "float64", 36, 48.735743380855396, 49.0, 17.911309359232554, 18.0, 80.0, 33.0, 49.0, 64.0),
                numeric.rows().get(0));

        DataTable categorical = table(tables, "categorical statistics");
        assertEquals(List.of("category", "object", 0, 100, "cat_000",
                "cat_000: 205; cat_001: 92; cat_002: 73; cat_003: 51; cat_004: 51"), categorical.rows().get(0));
        assertEquals(3, categorical.rows().size());

        DataTable quality = table(tables, "data quality");
        assertEquals(List.of("completeness", 0.994), quality.rows().get(0));
        assertEquals(List.of("missing_cells", 121), quality.rows().get(4));

        DataTable summary = table(tables, "summary");
        assertEquals(List.of("row_count", 2000), summary.rows().get(1));
    }

    @Test
    void missingPartsAndNullStatisticsGiveEmptyCellsNotErrors() {
        Map<String, Object> result = new java.util.HashMap<>();
        result.put("statistics", Map.of("numeric_columns", Map.of("x", Map.of("quartiles", Map.of())),
                "missing_values", Map.of("x", 3), "data_types", Map.of("x", "float64")));
        List<DataTable> tables = ResultTables.of(result);
        List<Object> x = table(tables, "numeric statistics").rows().get(0);
        assertEquals(List.of("x", "float64", 3), x.subList(0, 3));
        for (Object cell : x.subList(3, x.size())) {
            assertNull(cell, "a statistic the result does not have is an empty cell: " + x);
        }
        assertEquals(0, table(tables, "categorical statistics").rows().size());
        assertNull(table(tables, "data quality").rows().get(0).get(1));
    }
}
