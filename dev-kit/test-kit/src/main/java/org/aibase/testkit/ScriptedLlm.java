package org.aibase.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A local server speaking OpenAI's chat-completions wire format ({@code POST /v1/chat/completions})
 * whose answers the test scripts: the runtime's LLM provider points at it, so a plugin with the
 * {@code llm} permission is tested without a real provider. Answers are used in the order they are
 * scripted; once they run out, the {@link #replyAlways standing answer} is given, or, when there is
 * none, an HTTP 500 that the plugin sees as a failed LLM call.
 */
public final class ScriptedLlm implements AutoCloseable {

    /** The model the runtime's router uses for {@code "default"} (any model name is served). */
    public static final String MODEL = "scripted-model";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private volatile Answer standing;

    private record Answer(int status, String content) {
    }

    private ScriptedLlm(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    static ScriptedLlm start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ScriptedLlm llm = new ScriptedLlm(server);
        server.createContext("/v1/chat/completions", llm::answer);
        server.start();
        return llm;
    }

    /** {@code http://127.0.0.1:PORT/v1}: the base URL a provider configuration names. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Scripts the next answer: the assistant message's content (text, or JSON as text). */
    public ScriptedLlm reply(String content) {
        script.add(new Answer(200, content));
        return this;
    }

    /** Scripts the next answer as a provider error with this HTTP status (e.g. 429, 500). */
    public ScriptedLlm fail(int status) {
        script.add(new Answer(status, "scripted failure " + status));
        return this;
    }

    /** The answer given whenever no scripted one is left. */
    public ScriptedLlm replyAlways(String content) {
        standing = new Answer(200, content);
        return this;
    }

    /** Forgets the scripted answers, the standing answer and the requests received. */
    public void reset() {
        script.clear();
        requests.clear();
        standing = null;
    }

    /** The request bodies received so far (OpenAI's JSON: {@code model}, {@code messages}, ...), oldest first. */
    public List<JsonNode> requests() {
        return List.copyOf(requests);
    }

    /** The content of the last user message of the last request; fails when no request arrived. */
    public String lastPrompt() {
        if (requests.isEmpty()) {
            throw new AssertionError("the LLM server received no request");
        }
        List<String> user = new ArrayList<>();
        for (JsonNode message : requests.get(requests.size() - 1).path("messages")) {
            if ("user".equals(message.path("role").asText())) {
                user.add(message.path("content").asText());
            }
        }
        if (user.isEmpty()) {
            throw new AssertionError("the last LLM request has no user message: " + requests.get(requests.size() - 1));
        }
        return user.get(user.size() - 1);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
            JsonNode request = JSON.readTree(in);
            requests.add(request);
            Answer answer = script.poll();
            if (answer == null) {
                answer = standing;
            }
            byte[] body;
            int status;
            if (answer == null) {
                status = 500;
                body = error("no answer scripted: call ScriptedLlm.reply(...) or replyAlways(...) before the plugin asks");
            } else if (answer.status() != 200) {
                status = answer.status();
                body = error(answer.content());
            } else {
                status = 200;
                body = completion(request.path("model").asText(MODEL), answer.content());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, body.length);
            out.write(body);
        }
    }

    private static byte[] completion(String model, String content) throws IOException {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("id", "chatcmpl-scripted").put("object", "chat.completion").put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = answer.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", content);
        int completion = Math.max(1, content.length() / 4);
        answer.putObject("usage").put("prompt_tokens", 10).put("completion_tokens", completion).put("total_tokens", 10 + completion);
        return JSON.writeValueAsBytes(answer);
    }

    private static byte[] error(String message) throws IOException {
        return JSON.writeValueAsBytes(Map.of("error", Map.of("message", message, "type", "scripted_error")));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
