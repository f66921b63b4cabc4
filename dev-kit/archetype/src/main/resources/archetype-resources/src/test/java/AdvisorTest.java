package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.aibase.api.http.HttpError;
import org.aibase.api.llm.ChatRequest;
import org.aibase.api.llm.ChatResponse;
import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmService;
import org.aibase.api.llm.ModelInfo;
import org.aibase.api.llm.Usage;
import org.aibase.api.prompt.PromptTemplates;
import org.junit.jupiter.api.Test;

/** The plugin's logic without the platform: the LLM and the templates are stand-ins that record what they get. */
class AdvisorTest {

    private final List<ChatRequest> asked = new ArrayList<>();
    private LlmException failure;

    private final LlmService llm = new LlmService() {
        @Override
        public ChatResponse chat(ChatRequest request) {
            asked.add(request);
            if (failure != null) {
                throw failure;
            }
            return new ChatResponse("Forty-two.", "test-model", "test", new Usage(5, 2), "stop", Duration.ofMillis(1), false);
        }

        @Override
        public CompletionStage<ChatResponse> chatAsync(ChatRequest request) {
            return CompletableFuture.completedFuture(chat(request));
        }

        @Override
        public List<ModelInfo> models() {
            return List.of();
        }
    };

    private final PromptTemplates templates = new PromptTemplates() {
        @Override
        public String render(String templateName, Map<String, Object> variables) {
            assertEquals(Advisor.TEMPLATE, templateName);
            return "Answer this question: " + variables.get("question");
        }

        @Override
        public List<String> templates() {
            return List.of(Advisor.TEMPLATE);
        }
    };

    private final Advisor advisor = new Advisor(llm, templates, configuration("Be brief.", 50));

    @Test
    void asksTheLlmWithTheInstructionsAndTheRenderedPrompt() {
        assertEquals(Map.of("answer", "Forty-two.", "model", "test-model"), advisor.answer(" What is six times seven? "));

        ChatRequest request = asked.get(0);
        assertEquals("Be brief.", request.messages().get(0).content());
        assertEquals("Answer this question: What is six times seven?", request.messages().get(1).content());
    }

    @Test
    void aBlankOrTooLongQuestionIsRefusedBeforeTheLlmIsAsked() {
        for (String question : new String[] {null, " ", "x".repeat(51)}) {
            HttpError error = assertThrows(HttpError.class, () -> advisor.answer(question));
            assertEquals(422, error.status());
            assertEquals("question", error.details().get("field"));
        }
        assertEquals(List.of(), asked);
    }

    @Test
    void aRetriableLlmFailureIs503() {
        failure = new LlmException(LlmException.Kind.UNAVAILABLE, "no provider answered");
        HttpError error = assertThrows(HttpError.class, () -> advisor.answer("Why?"));
        assertEquals(503, error.status());
        assertEquals("llm_unavailable", error.code());
    }

    private static PluginConfiguration configuration(String instructions, int maxTextLength) {
        return new PluginConfiguration() {
            @Override
            public String instructions() {
                return instructions;
            }

            @Override
            public int max__text__length() {
                return maxTextLength;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return PluginConfiguration.class;
            }
        };
    }
}
