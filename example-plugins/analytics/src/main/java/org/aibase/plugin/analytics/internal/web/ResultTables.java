package org.aibase.plugin.analytics.internal.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aibase.api.export.DataTable;

/**
 * A completed analysis as tables for the platform's export: a summary, the numeric statistics (one
 * row per column), the categorical statistics and the data quality. Charts and insights are left
 * out: they are not tabular.
 */
public final class ResultTables {

    public static final List<String> NUMERIC_COLUMNS = List.of("name", "dtype", "missing", "mean", "median", "std",
            "min", "max", "q25", "q50", "q75");
    public static final List<String> CATEGORICAL_COLUMNS = List.of("name", "dtype", "missing", "unique_count", "mode",
            "top_values");
    private static final List<String> QUALITY_FIGURES = List.of("completeness", "uniqueness", "overall_score",
            "assessment", "missing_cells", "duplicate_rows");

    private ResultTables() {
    }

    /** The tables of a result as the job stores it (the {@code results} object of {@code GET /jobs/{id}}). */
    public static List<DataTable> of(Map<String, Object> result) {
        Map<String, Object> statistics = map(result.get("statistics"));
        Map<String, Object> missing = map(statistics.get("missing_values"));
        Map<String, Object> types = map(statistics.get("data_types"));

        List<List<Object>> summary = new ArrayList<>();
        for (String figure : List.of("dataset_name", "row_count", "column_count", "analysis_depth")) {
            summary.add(Arrays.asList(figure, cell(result.get(figure))));
        }

        List<List<Object>> numeric = new ArrayList<>();
        map(statistics.get("numeric_columns")).forEach((name, value) -> {
            Map<String, Object> s = map(value);
            Map<String, Object> q = map(s.get("quartiles"));
            numeric.add(Arrays.asList(name, cell(types.get(name)), cell(missing.get(name)), cell(s.get("mean")),
                    cell(s.get("median")), cell(s.get("std")), cell(s.get("min")), cell(s.get("max")),
                    cell(q.get("0.25")), cell(q.get("0.5")), cell(q.get("0.75"))));
        });

        List<List<Object>> categorical = new ArrayList<>();
        map(statistics.get("categorical_columns")).forEach((name, value) -> {
            Map<String, Object> s = map(value);
            // the top values as one readable cell, most frequent first: "north: 512; south: 488"
            String top = map(s.get("top_values")).entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                    .collect(Collectors.joining("; "));
            categorical.add(Arrays.asList(name, cell(types.get(name)), cell(missing.get(name)),
                    cell(s.get("unique_count")), cell(s.get("mode")), top));
        });

        Map<String, Object> quality = map(result.get("data_quality"));
        List<List<Object>> qualityRows = new ArrayList<>();
        for (String figure : QUALITY_FIGURES) {
            qualityRows.add(Arrays.asList(figure, cell(quality.get(figure))));
        }

        return List.of(new DataTable("summary", List.of("figure", "value"), summary),
                new DataTable("numeric statistics", NUMERIC_COLUMNS, numeric),
                new DataTable("categorical statistics", CATEGORICAL_COLUMNS, categorical),
                new DataTable("data quality", List.of("figure", "value"), qualityRows));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    /** Numbers, booleans and text stay as they are (numbers stay numbers in a workbook); anything else as text. */
    private static Object cell(Object value) {
        return value == null || value instanceof Number || value instanceof Boolean || value instanceof String ? value
                : String.valueOf(value);
    }
}
