package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.isolation.child.ChildProtocol;

/**
 * The child's calls into the runtime's services: HTTP/1.1 to its loopback endpoint, each with the
 * child's secret and, on a thread serving one of the runtime's calls, that call's id (so the runtime
 * acts for its caller). Bodies are JSON both ways.
 */
final class RuntimeChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI runtime;
    private final String secret;

    RuntimeChannel(URI runtime, String secret) {
        this.runtime = runtime;
        this.secret = secret;
    }

    /** A JSON call ({@code body} null: a GET); the answer, whatever its status. */
    HttpResponse<byte[]> send(String path, Object body, Duration timeout) throws IOException, InterruptedException {
        return http.send(request(path, body, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The same call, answered later. */
    CompletableFuture<HttpResponse<byte[]>> sendAsync(String path, Object body, Duration timeout) throws IOException {
        return http.sendAsync(request(path, body, timeout), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** An answer's JSON object. */
    static Map<String, Object> json(HttpResponse<byte[]> response) throws IOException {
        return JSON.readValue(response.body(), OBJECT);
    }

    /** An answer's JSON, as the type. */
    static <T> T json(HttpResponse<byte[]> response, TypeReference<T> type) throws IOException {
        return JSON.readValue(response.body(), type);
    }

    private HttpRequest request(String path, Object body, Duration timeout) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(runtime.resolve(path)).timeout(timeout)
                .header(ChildProtocol.SECRET_HEADER, secret);
        RunningCalls.current().ifPresent(call -> request.header(ChildProtocol.CALL_HEADER, call));
        if (body == null) {
            return request.GET().build();
        }
        return request.header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body))).build();
    }
}
