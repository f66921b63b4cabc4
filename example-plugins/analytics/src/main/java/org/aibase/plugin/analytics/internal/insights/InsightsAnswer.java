package org.aibase.plugin.analytics.internal.insights;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A model's answer checked against the seed's structure: {@code key_patterns},
 * {@code data_quality {score, issues, strengths}}, {@code business_insights},
 * {@code recommendations}, {@code anomalies}. Each of these 7 parts that is present and of the
 * right type counts; the confidence is the share that does, so it says how much of the answer
 * could be used.
 */
final class InsightsAnswer {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String> LISTS = List.of("key_patterns", "business_insights", "recommendations", "anomalies");
    private static final int PARTS = 7;

    private final JsonNode root;
    private final List<String> problems;
    private final Map<String, Object> valid;

    private InsightsAnswer(JsonNode root, List<String> problems, Map<String, Object> valid) {
        this.root = root;
        this.problems = problems;
        this.valid = valid;
    }

    static InsightsAnswer parse(String content) {
        List<String> problems = new ArrayList<>();
        JsonNode root;
        try {
            root = MAPPER.readTree(strip(content));
        } catch (Exception e) {
            problems.add("the answer is not JSON");
            return new InsightsAnswer(null, problems, Map.of());
        }
        if (root == null || !root.isObject()) {
            problems.add("the answer is not a JSON object");
            return new InsightsAnswer(null, problems, Map.of());
        }
        Map<String, Object> valid = new LinkedHashMap<>();
        for (String key : LISTS) {
            List<String> list = texts(root.get(key));
            if (list == null) {
                problems.add(key + " must be a list of strings");
            } else {
                valid.put(key, list);
            }
        }
        JsonNode quality = root.get("data_quality");
        Map<String, Object> q = new LinkedHashMap<>();
        if (quality == null || !quality.isObject()) {
            problems.add("data_quality must be an object {score, issues, strengths}");
        } else {
            JsonNode score = quality.get("score");
            if (score != null && score.isNumber() && score.asDouble() >= 0 && score.asDouble() <= 1) {
                q.put("score", score.asDouble());
            } else {
                problems.add("data_quality.score must be a number from 0 to 1");
            }
            for (String key : List.of("issues", "strengths")) {
                List<String> list = texts(quality.get(key));
                if (list == null) {
                    problems.add("data_quality." + key + " must be a list of strings");
                } else {
                    q.put(key, list);
                }
            }
            valid.put("data_quality", q);
        }
        return new InsightsAnswer(root, problems, valid);
    }

    /** Whether the answer was a JSON object at all (else a repair is worth asking for). */
    boolean parsed() {
        return root != null;
    }

    List<String> problems() {
        return problems;
    }

    Map<String, Object> toResult(String model, int attempts) {
        int validParts = PARTS - problems.size();
        if (root == null) {
            validParts = 0;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", validParts == PARTS ? "complete" : validParts > 0 ? "partial" : "invalid");
        m.putAll(valid);
        m.put("confidence", Math.round(1000.0 * validParts / PARTS) / 1000.0);
        m.put("problems", problems);
        m.put("model", model);
        m.put("attempts", attempts);
        return m;
    }

    private static List<String> texts(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : node) {
            if (!item.isTextual()) {
                return null;
            }
            texts.add(item.asText());
        }
        return texts;
    }

    /** Models often fence JSON in a Markdown code block. */
    private static String strip(String content) {
        String s = content.strip();
        if (s.startsWith("```")) {
            int start = s.indexOf('\n');
            int end = s.lastIndexOf("```");
            if (start > 0 && end > start) {
                return s.substring(start + 1, end);
            }
        }
        return s;
    }
}
