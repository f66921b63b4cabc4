package org.aibase.plugin.analytics.internal.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ResponseFormat;
import org.aibase.api.prompt.PromptTemplates;
import org.aibase.plugin.analytics.internal.AnalysisEngine;
import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * AI insights through the platform's {@link LlmService}: the prompt is the plugin's
 * {@code templates/analysis.yaml} filled with the statistics, the quality and sampled rows; the
 * answer must be the seed's JSON structure ({@link InsightsAnswer}); invalid JSON gets one repair
 * attempt. When no LLM is available or it fails, the insights say why and the analysis still
 * completes.
 */
@Component(service = AnalysisEngine.Insights.class)
public final class InsightsGenerator implements AnalysisEngine.Insights {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Optional: without an LLM (or with its service restarting) analyses complete with insights saying why. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile LlmService llmService;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PromptTemplates promptTemplates;

    private final Supplier<LlmService> llm;
    private final Supplier<PromptTemplates> templates;

    /** As a component: the services as DS currently binds them. */
    @Activate
    public InsightsGenerator() {
        this.llm = () -> llmService;
        this.templates = () -> promptTemplates;
    }

    /** The services are looked up per analysis: either may come and go (or be missing). */
    public InsightsGenerator(Supplier<LlmService> llm, Supplier<PromptTemplates> templates) {
        this.llm = llm;
        this.templates = templates;
    }

    @Override
    public Map<String, Object> insights(String name, Map<String, Object> result, List<Map<String, Object>> sampleRows,
            AnalysisSettings settings) {
        LlmService service = llm.get();
        PromptTemplates prompts = templates.get();
        if (service == null || prompts == null) {
            return unavailable(service == null ? "no LLM service is available to the plugin" : "prompt templates are not available");
        }
        String prompt;
        try {
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("dataset_name", name == null ? "unnamed" : name);
            variables.put("row_count", result.get("row_count"));
            variables.put("column_count", result.get("column_count"));
            variables.put("statistics", result.get("statistics"));
            variables.put("data_quality", result.get("data_quality"));
            variables.put("sample_size", sampleRows.size());
            variables.put("sample_rows", sampleRows);
            prompt = prompts.render("analysis", variables);
        } catch (IllegalArgumentException e) {
            return unavailable("the prompt template could not be rendered: " + e.getMessage());
        }
        try {
            ChatRequest request = ChatRequest.builder().model(settings.llmModel()).temperature(settings.temperature())
                    .responseFormat(ResponseFormat.JSON).user(prompt).build();
            ChatResponse answer = service.chat(request);
            InsightsAnswer parsed = InsightsAnswer.parse(answer.content());
            int attempts = 1;
            if (!parsed.parsed()) {
                // one repair attempt: the model sees its answer and what was wrong with it
                attempts = 2;
                ChatRequest repair = request.toBuilder().assistant(answer.content())
                        .user("That answer was not valid: " + parsed.problems()
                                + ". Answer again with only the JSON object in the structure asked for.")
                        .build();
                answer = service.chat(repair);
                parsed = InsightsAnswer.parse(answer.content());
            }
            return parsed.toResult(answer.model(), attempts);
        } catch (LlmException e) {
            return unavailable("the LLM call failed (" + e.kind().name().toLowerCase(java.util.Locale.ROOT) + "): " + e.getMessage());
        }
    }

    static Map<String, Object> unavailable(String reason) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", "unavailable");
        m.put("reason", reason);
        return m;
    }

    static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
