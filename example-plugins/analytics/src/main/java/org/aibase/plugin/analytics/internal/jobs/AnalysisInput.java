package org.aibase.plugin.analytics.internal.jobs;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;

/**
 * The input of an {@code analyze} job: a reference to the stored dataset (the data itself is too
 * large for a job input), the settings of the analysis and the limits it was accepted under.
 */
public record AnalysisInput(String datasetId, AnalysisSettings settings, DatasetLimits limits) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The input as the job service stores it. */
    public String toJson() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("analysis_depth", settings.analysisDepth());
        s.put("generate_charts", settings.generateCharts());
        s.put("llm_model", settings.llmModel());
        s.put("temperature", settings.temperature());
        s.put("max_data_points", settings.maxDataPoints());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dataset_id", datasetId);
        m.put("settings", s);
        m.put("limits", Map.of("max_dataset_size", limits.maxRows(), "max_columns", limits.maxColumns(),
                "max_cell_chars", limits.maxCellChars(), "max_result_bytes", limits.maxResultBytes()));
        try {
            return MAPPER.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads an input written by {@link #toJson()}. */
    public static AnalysisInput parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            JsonNode s = root.path("settings");
            JsonNode l = root.path("limits");
            String datasetId = root.path("dataset_id").asText(null);
            if (datasetId == null) {
                throw new IllegalArgumentException("the job input names no dataset_id");
            }
            return new AnalysisInput(datasetId,
                    new AnalysisSettings(s.path("analysis_depth").asText(), s.path("generate_charts").asBoolean(),
                            s.path("llm_model").asText(), s.path("temperature").asDouble(), s.path("max_data_points").asInt()),
                    // a job queued before cells and results were capped was accepted without those caps
                    new DatasetLimits(l.path("max_dataset_size").asInt(), l.path("max_columns").asInt(),
                            l.path("max_cell_chars").asInt(Integer.MAX_VALUE), l.path("max_result_bytes").asLong(Long.MAX_VALUE)));
        } catch (IOException e) {
            throw new IllegalArgumentException("the job input is not JSON: " + e.getMessage(), e);
        }
    }

    /** The dataset id of an input, or null when it names none (not one of ours). */
    static String datasetIdOf(String json) {
        try {
            return MAPPER.readTree(json).path("dataset_id").asText(null);
        } catch (IOException e) {
            return null;
        }
    }
}
