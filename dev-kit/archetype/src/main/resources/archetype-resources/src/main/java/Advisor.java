package ${package};

import java.util.Map;

import org.aibase.api.http.HttpError;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.prompt.PromptTemplates;

/**
 * The plugin's logic, free of HTTP and OSGi so that a unit test calls it directly: a question put to
 * the platform's LLM service (which routes, retries, meters and budgets the call for this plugin)
 * through the prompt template {@code templates/answer.yaml}.
 */
final class Advisor {

    static final String TEMPLATE = "answer";

    private final LlmService llm;
    private final PromptTemplates templates;
    private final String instructions;
    private final int maxTextLength;

    Advisor(LlmService llm, PromptTemplates templates, PluginConfiguration configuration) {
        this.llm = llm;
        this.templates = templates;
        this.instructions = configuration.instructions();
        this.maxTextLength = configuration.max__text__length();
    }

    /**
     * The LLM's answer to a question: {@code {"answer": ..., "model": ...}}.
     *
     * @throws HttpError 422 {@code invalid_parameter} naming {@code question} when it is blank or too long;
     *         503 {@code llm_unavailable} when the LLM call failed and may succeed later, 502 {@code llm_failed} otherwise
     */
    Map<String, Object> answer(String question) {
        String stripped = question == null ? "" : question.strip();
        if (stripped.isEmpty() || stripped.length() > maxTextLength) {
            throw HttpError.invalid("question", "question must be 1 to " + maxTextLength + " characters");
        }
        String prompt = templates.render(TEMPLATE, Map.of("question", stripped));
        try {
            ChatResponse response = llm.chat(ChatRequest.builder().system(instructions).user(prompt).build());
            return Map.of("answer", response.content(), "model", response.model());
        } catch (LlmException e) {
            throw e.retriable()
                    ? new HttpError(503, "llm_unavailable", "the LLM is unavailable, try again later: " + e.getMessage())
                    : new HttpError(502, "llm_failed", "the LLM call failed: " + e.getMessage());
        }
    }
}
