package org.aibase.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

/** The extension starts the real runtime with the example plugin hello deployed, and the scripted LLM answers as scripted. */
@AIBaseRuntime(config = "aibase.plugin.hello.cfg: audience=Test Kit")
class RuntimeExtensionIT {

    @Test
    void thePluginIsActiveAndAnswersWithItsConfiguration(RunningRuntime runtime) {
        assertEquals("hello", runtime.pluginId());
        assertEquals("active", runtime.plugin().path("state").asText());

        ApiResponse named = runtime.get("/greeting?name=Ada");
        assertEquals(200, named.status(), named.body());
        assertEquals("Hello, Ada!", named.json().path("message").asText());

        ApiResponse configured = runtime.get("/greeting");
        assertEquals("Hello, Test Kit!", configured.json().path("message").asText(), configured.body());

        ApiResponse task = runtime.task("greet", "{\"name\":\"Grace\"}");
        assertEquals(200, task.status(), task.body());
        assertEquals("Hello, Grace!", task.json().path("data").path("message").asText(), task.body());
    }

    @Test
    void theRuntimeUsesTheScriptedProviderAndItAnswersAsScripted(RunningRuntime runtime, ScriptedLlm llm) throws Exception {
        JsonNode models = runtime.call("GET", "/api/v1/llm/models", null).json();
        assertTrue(models.toString().contains("scripted"), models.toString());

        llm.reset();
        llm.reply("first answer").fail(429).replyAlways("standing answer");
        assertEquals("first answer", ask(llm, "one"));
        assertEquals(429, send(llm, "two").statusCode());
        assertEquals("standing answer", ask(llm, "three"));
        assertEquals("standing answer", ask(llm, "four"));
        assertEquals(4, llm.requests().size());
        assertEquals("four", llm.lastPrompt());

        llm.reset();
        HttpResponse<String> unscripted = send(llm, "five");
        assertEquals(500, unscripted.statusCode());
        assertTrue(unscripted.body().contains("no answer scripted"), unscripted.body());
    }

    @Test
    void itsHomeAndOutputAreThere(RunningRuntime runtime) {
        assertTrue(Files.isRegularFile(runtime.home().resolve("deploy/hello.jar")));
        assertTrue(runtime.output().stream().anyMatch(l -> l.startsWith("AI Base ready at " + runtime.baseUrl())),
                String.join("\n", runtime.output()));
        assertEquals(401, anonymous(runtime.pluginUrl() + "/greeting"), "calls without the key are refused");
    }

    private static String ask(ScriptedLlm llm, String prompt) throws Exception {
        HttpResponse<String> answer = send(llm, prompt);
        assertEquals(200, answer.statusCode(), answer.body());
        return new ObjectMapper().readTree(answer.body()).path("choices").path(0).path("message").path("content").asText();
    }

    private static HttpResponse<String> send(ScriptedLlm llm, String prompt) throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"" + prompt + "\"}]}";
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(llm.baseUrl() + "/chat/completions"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int anonymous(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
