package org.aibase.plugin.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.aibase.plugin.analytics.internal.frame.DatasetException;

/**
 * How one analysis runs: the configured defaults, overridden by the request's {@code config}
 * where it may ({@link #OVERRIDABLE}).
 */
public record AnalysisSettings(String analysisDepth, boolean generateCharts, String llmModel, double temperature,
        int maxDataPoints) {

    /** The keys a request's {@code config} may set. */
    public static final Set<String> OVERRIDABLE = Set.of("analysis_depth", "generate_charts", "llm_model", "temperature",
            "max_data_points");
    /** The analysis depths. */
    public static final Set<String> DEPTHS = Set.of("basic", "detailed");

    /** Checks every value, naming the key that is wrong. */
    public AnalysisSettings {
        if (!DEPTHS.contains(analysisDepth)) {
            throw problem("analysis_depth", "must be \"basic\" or \"detailed\", got \"" + analysisDepth + "\"");
        }
        if (llmModel == null || llmModel.isBlank() || llmModel.length() > 200) {
            throw problem("llm_model", "must be a model name or alias of 1 to 200 characters");
        }
        if (!(temperature >= 0 && temperature <= 2)) {
            throw problem("temperature", "must be a number from 0 to 2, got " + temperature);
        }
        if (maxDataPoints < 1 || maxDataPoints > 1_000_000) {
            throw problem("max_data_points", "must be a whole number from 1 to 1000000, got " + maxDataPoints);
        }
    }

    /** Whether charts and AI insights are part of the analysis. */
    public boolean detailed() {
        return analysisDepth.equals("detailed");
    }

    /** These settings with a request's overrides; unknown keys and wrong types are refused. */
    public AnalysisSettings with(Map<String, Object> config) {
        List<String> unknown = new ArrayList<>();
        for (String key : config.keySet()) {
            if (!OVERRIDABLE.contains(key)) {
                unknown.add(key);
            }
        }
        if (!unknown.isEmpty()) {
            throw DatasetException.invalid("unknown_config_keys", "config." + unknown.get(0),
                    "config may not set " + String.join(", ", unknown) + " (allowed: " + String.join(", ", new TreeSet<>(OVERRIDABLE)) + ")");
        }
        String depth = text(config, "analysis_depth", analysisDepth);
        boolean charts = config.containsKey("generate_charts") ? bool(config.get("generate_charts")) : generateCharts;
        String model = text(config, "llm_model", llmModel);
        double temp = config.containsKey("temperature") ? number(config.get("temperature"), "temperature") : temperature;
        int points = config.containsKey("max_data_points") ? whole(config.get("max_data_points")) : maxDataPoints;
        return new AnalysisSettings(depth, charts, model, temp, points);
    }

    private static String text(Map<String, Object> config, String key, String fallback) {
        if (!config.containsKey(key)) {
            return fallback;
        }
        if (config.get(key) instanceof String s) {
            return s;
        }
        throw problem(key, "must be a string");
    }

    private static boolean bool(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw problem("generate_charts", "must be true or false");
    }

    private static double number(Object value, String key) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        throw problem(key, "must be a number");
    }

    private static int whole(Object value) {
        if (value instanceof Integer || value instanceof Long) {
            long v = ((Number) value).longValue();
            if (v >= 1 && v <= 1_000_000) {
                return (int) v;
            }
        }
        throw problem("max_data_points", "must be a whole number from 1 to 1000000, got " + value);
    }

    private static DatasetException problem(String key, String message) {
        return DatasetException.invalid("invalid_config", "config." + key, "config." + key + " " + message);
    }
}
