package org.aibase.plugin.analytics.internal.insights;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
import org.aibase.api.llm.Usage;
import org.aibase.api.prompt.PromptTemplates;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.junit.jupiter.api.Test;

/** Insights: validation of the answer, one repair, confidence from what validated, unavailability. */
class InsightsGeneratorTest {

    private static final AnalysisSettings SETTINGS = new AnalysisSettings("detailed", true, "fast", 0.3, 100);
    private static final Map<String, Object> RESULT = Map.of("row_count", 2, "column_count", 1,
            "statistics", Map.of(), "data_quality", Map.of());
    private static final String VALID = "{\"key_patterns\":[\"p\"],\"data_quality\":{\"score\":0.9,\"issues\":[],\"strengths\":[\"s\"]},"
            + "\"business_insights\":[\"b\"],\"recommendations\":[\"r\"],\"anomalies\":[]}";

    /** Answers scripted texts; stands in for the platform's LLM gateway (the network edge). */
    static final class ScriptedLlm implements LlmService {
        final Deque<Object> answers = new ArrayDeque<>();
        final List<ChatRequest> requests = new ArrayList<>();

        @Override public ChatResponse chat(ChatRequest request) {
            requests.add(request);
            Object next = answers.removeFirst();
            if (next instanceof LlmException e) {
                throw e;
            }
            return new ChatResponse((String) next, "fast-model", "test", new Usage(10, 10), "stop", Duration.ofMillis(5), false);
        }
        @Override public CompletionStage<ChatResponse> chatAsync(ChatRequest request) { throw new UnsupportedOperationException(); }
        @Override public List<ModelInfo> models() { return List.of(); }
    }

    private static final PromptTemplates TEMPLATES = new PromptTemplates() {
        @Override public String render(String name, Map<String, Object> variables) {
            assertEquals("analysis", name);
            assertTrue(variables.containsKey("sample_rows") && variables.containsKey("statistics"));
            return "prompt for " + variables.get("dataset_name");
        }
        @Override public List<String> templates() { return List.of("analysis"); }
    };

    @Test
    void aValidAnswerIsCompleteWithFullConfidence() {
        ScriptedLlm llm = new ScriptedLlm();
        llm.answers.add("```json\n" + VALID + "\n```");
        Map<String, Object> insights = new InsightsGenerator(() -> llm, () -> TEMPLATES).insights("sales", RESULT, List.of(), SETTINGS);
        assertEquals("complete", insights.get("status"));
        assertEquals(1.0, insights.get("confidence"));
        assertEquals(List.of("p"), insights.get("key_patterns"));
        assertEquals("fast", llm.requests.get(0).model());
        assertEquals(0.3, llm.requests.get(0).temperature().getAsDouble());
    }

    @Test
    void invalidJsonGetsOneRepairAndPartialAnswersLowerTheConfidence() {
        ScriptedLlm llm = new ScriptedLlm();
        llm.answers.add("Sure! Here are insights: ...");
        llm.answers.add("{\"key_patterns\":[\"p\"],\"data_quality\":{\"score\":7,\"issues\":[],\"strengths\":[]},"
                + "\"business_insights\":[\"b\"],\"recommendations\":\"r\",\"anomalies\":[]}");
        Map<String, Object> insights = new InsightsGenerator(() -> llm, () -> TEMPLATES).insights("sales", RESULT, List.of(), SETTINGS);
        assertEquals(2, llm.requests.size());
        assertEquals("partial", insights.get("status"));
        assertEquals(0.714, insights.get("confidence"), "5 of 7 parts validated");
        assertEquals(List.of("recommendations must be a list of strings", "data_quality.score must be a number from 0 to 1"),
                insights.get("problems"));
    }

    @Test
    void withoutAnLlmOrWhenItFailsTheInsightsSayWhy() {
        Map<String, Object> none = new InsightsGenerator(() -> null, () -> TEMPLATES).insights("s", RESULT, List.of(), SETTINGS);
        assertEquals(Map.of("status", "unavailable", "reason", "no LLM service is available to the plugin"), none);
        ScriptedLlm llm = new ScriptedLlm();
        llm.answers.add(new LlmException(LlmException.Kind.UNAVAILABLE, "no provider is configured"));
        Map<String, Object> failed = new InsightsGenerator(() -> llm, () -> TEMPLATES).insights("s", RESULT, List.of(), SETTINGS);
        assertEquals("unavailable", failed.get("status"));
        assertEquals("the LLM call failed (unavailable): no provider is configured", failed.get("reason"));
    }
}
