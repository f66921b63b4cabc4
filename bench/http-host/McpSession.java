import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One MCP session over Streamable HTTP for the benchmark: initialize, then tools/list and
 * tools/call as plain JSON-RPC posts. The benchmark is compiled with javac alone (no Maven class
 * path), so it speaks the four messages itself; the protocol's real clients are in McpIT.
 */
final class McpSession {

    private final HttpClient http;
    private final URI endpoint;
    private final String authorization;
    private final String sessionId;
    private long nextId = 2;

    McpSession(HttpClient http, String baseUrl, String apiKey) throws IOException, InterruptedException {
        this.http = http;
        this.endpoint = URI.create(baseUrl + "/mcp");
        this.authorization = "Bearer " + apiKey;
        HttpResponse<String> initialized = post(null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
        this.sessionId = initialized.headers().firstValue("Mcp-Session-Id")
                .orElseThrow(() -> new IllegalStateException("no MCP session: " + initialized.statusCode() + " " + initialized.body()));
        post(sessionId, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    }

    /** The body of the tools/list answer (the JSON-RPC result, as the server sent it). */
    String listTools() throws IOException, InterruptedException {
        return post(sessionId, "{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"tools/list\"}").body();
    }

    /** Calls a tool; the answer's body, prefixed with {@code HTTP <status>:} when that was not 200. */
    String call(String tool, String argumentsJson) throws IOException, InterruptedException {
        HttpResponse<String> answer = post(sessionId, "{\"jsonrpc\":\"2.0\",\"id\":" + nextId++ + ",\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"" + tool + "\",\"arguments\":" + argumentsJson + "}}");
        return answer.statusCode() == 200 ? answer.body() : "HTTP " + answer.statusCode() + ": " + answer.body();
    }

    private HttpResponse<String> post(String session, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").POST(HttpRequest.BodyPublishers.ofString(json));
        if (session != null) {
            request.header("Mcp-Session-Id", session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
