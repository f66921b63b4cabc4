package org.aibase.plugin.analytics.internal.stats;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aibase.plugin.analytics.internal.frame.Column;
import org.aibase.plugin.analytics.internal.frame.DataFrame;
import org.aibase.plugin.analytics.internal.frame.JsonText;
import org.aibase.plugin.analytics.internal.frame.NumericColumn;
import org.aibase.plugin.analytics.internal.frame.ObjectColumn;
import org.aibase.plugin.analytics.internal.frame.PythonValues;

/**
 * The seed's {@code statistics} and {@code data_quality} objects for a whole data frame: numeric
 * columns are those pandas' {@code select_dtypes(include=[np.number])} picks, categorical ones
 * {@code select_dtypes(include=['object'])}; {@code bool} columns are in neither, as in the seed.
 */
public final class StatisticsReport {

    /** How many of a categorical column's most frequent values its statistics list. */
    static final int TOP_VALUES = 5;

    private StatisticsReport() {
    }

    /** {@code numeric_columns}, {@code categorical_columns}, {@code missing_values}, {@code data_types}. */
    public static Map<String, Object> statistics(DataFrame frame, JsonNumbers numbers) {
        Map<String, Object> numeric = new LinkedHashMap<>();
        Map<String, Object> categorical = new LinkedHashMap<>();
        Map<String, Object> missing = new LinkedHashMap<>();
        Map<String, Object> types = new LinkedHashMap<>();
        for (Column column : frame.columns()) {
            if (column instanceof NumericColumn n) {
                numeric.put(n.name(), numeric(n, numbers));
            } else if (column instanceof ObjectColumn o) {
                categorical.put(o.name(), categorical(o, numbers));
            }
            missing.put(column.name(), column.missing());
            types.put(column.name(), column.dtype().pandasName());
        }
        Map<String, Object> statistics = new LinkedHashMap<>();
        statistics.put("numeric_columns", numeric);
        statistics.put("categorical_columns", categorical);
        statistics.put("missing_values", missing);
        statistics.put("data_types", types);
        return statistics;
    }

    private static Map<String, Object> numeric(NumericColumn column, JsonNumbers numbers) {
        NumericSummary s = NumericSummary.of(column);
        String path = "statistics.numeric_columns." + column.name() + ".";
        String empty = s.count() == 0 ? "the column has no values" : null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", numbers.finite(path + "mean", s.mean(), empty));
        m.put("median", numbers.finite(path + "median", s.median(), empty));
        m.put("std", numbers.finite(path + "std", s.std(),
                s.count() == 1 ? "the sample standard deviation of one value" : empty));
        m.put("min", numbers.finite(path + "min", s.min(), empty));
        m.put("max", numbers.finite(path + "max", s.max(), empty));
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("0.25", numbers.finite(path + "quartiles.0.25", s.q25(), empty));
        q.put("0.5", numbers.finite(path + "quartiles.0.5", s.q50(), empty));
        q.put("0.75", numbers.finite(path + "quartiles.0.75", s.q75(), empty));
        m.put("quartiles", q);
        return m;
    }

    private static Map<String, Object> categorical(ObjectColumn column, JsonNumbers numbers) {
        ValueCounts counts = ValueCounts.of(column);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unique_count", counts.distinct());
        Map<String, Object> top = new LinkedHashMap<>();
        for (ValueCounts.Entry e : counts.top(TOP_VALUES)) {
            top.putIfAbsent(PythonValues.keyText(e.value()), e.count());
        }
        m.put("top_values", top);
        m.put("mode", jsonValue(counts.mode(), "statistics.categorical_columns." + column.name() + ".mode", numbers));
        return m;
    }

    /** An object column's value as JSON: text, a number, a boolean; nested JSON as its text. */
    static Object jsonValue(Object value, String path, JsonNumbers numbers) {
        if (value instanceof Double d) {
            return numbers.finite(path, d, null);
        }
        if (value instanceof JsonText) {
            return value.toString();
        }
        return value;
    }

    /** The seed's {@code data_quality} object, with the counts it is computed from. */
    public static Map<String, Object> quality(DataFrame frame) {
        DataQuality q = DataQuality.of(frame);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("completeness", q.completeness());
        m.put("uniqueness", q.uniqueness());
        m.put("overall_score", q.overallScore());
        m.put("assessment", q.assessment());
        m.put("missing_cells", q.missingCells());
        m.put("duplicate_rows", q.duplicateRows());
        return m;
    }
}
