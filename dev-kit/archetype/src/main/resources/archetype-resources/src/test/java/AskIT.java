package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aibase.testkit.AIBaseRuntime;
import org.aibase.testkit.ApiResponse;
import org.aibase.testkit.RunningRuntime;
import org.aibase.testkit.ScriptedLlm;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The built plugin in the real runtime, whose LLM provider is the test kit's scripted server: each test
 * says what the LLM answers and checks what the plugin asked.
 */
@AIBaseRuntime
class AskIT {

    @BeforeEach
    void forget(ScriptedLlm llm) {
        llm.reset();
    }

    @Test
    void answersWithWhatTheLlmSaid(RunningRuntime runtime, ScriptedLlm llm) {
        llm.reply("Forty-two.");

        ApiResponse answer = runtime.get("/ask?question=What%20is%20six%20times%20seven%3F");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("Forty-two.", answer.json().path("answer").asText());
        assertTrue(llm.lastPrompt().contains("What is six times seven?"), llm.lastPrompt());
    }

    @Test
    void answersAsATask(RunningRuntime runtime, ScriptedLlm llm) {
        llm.reply("Blue.");

        ApiResponse answer = runtime.task("ask", "{\"question\":\"What colour is the sky?\"}");

        assertEquals(200, answer.status(), answer.body());
        assertEquals("Blue.", answer.json().path("data").path("answer").asText(), answer.body());
    }

    @Test
    void aFailingLlmIsAnErrorTheCallerCanActOn(RunningRuntime runtime, ScriptedLlm llm) {
        llm.fail(500);

        ApiResponse answer = runtime.get("/ask?question=Why%3F");

        assertTrue(answer.status() == 502 || answer.status() == 503, answer.status() + " " + answer.body());
    }
}
