package org.aibase.isolation.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.isolation.child.ChildProtocol;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The runtime's end of one child JVM's channel: HTTP/1.1 to 127.0.0.1 on the child's port, every call
 * carrying the child's secret. Control calls (task, interrupt, running, health) are JSON.
 */
final class ChildChannel {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() { };
    private static final MediaType JSON_TYPE = MediaType.get("application/json");

    private final OkHttpClient http;
    private final int port;
    private final String secret;

    ChildChannel(OkHttpClient shared, int port, String secret) {
        this.http = shared;
        this.port = port;
        this.secret = secret;
    }

    /** A URL of the child: {@code path} starts with {@code /}, {@code query} is raw (or null). */
    HttpUrl url(String path, String query) {
        HttpUrl.Builder url = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(port).encodedPath(path);
        if (query != null && !query.isEmpty()) {
            url.encodedQuery(query);
        }
        return url.build();
    }

    /** A request to the child with its secret. */
    Request.Builder request(HttpUrl url) {
        return new Request.Builder().url(url).header(ChildProtocol.SECRET_HEADER, secret);
    }

    /** Sends a request on a client with the given call timeout (zero: none). */
    Response send(Request request, Duration callTimeout) throws IOException {
        OkHttpClient client = callTimeout.isZero() ? http : http.newBuilder().callTimeout(callTimeout).build();
        return client.newCall(request).execute();
    }

    /** Runs a task in the child; the answer's JSON. */
    Map<String, Object> task(String call, String type, Map<String, Object> config, Duration timeout) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("config", config);
        Request request = request(url(ChildProtocol.CONTROL + "/task", null)).header(ChildProtocol.CALL_HEADER, call)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        return json(send(request, timeout));
    }

    /** Interrupts a call in the child; whether it was running. */
    boolean interrupt(String call) {
        try {
            Request request = request(url(ChildProtocol.CONTROL + "/interrupt/" + call, null))
                    .post(RequestBody.create(new byte[0], JSON_TYPE)).build();
            return Boolean.TRUE.equals(json(send(request, Duration.ofSeconds(2))).get("interrupted"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a call still runs in the child (false when the child cannot say). */
    boolean running(String call) throws IOException {
        Request request = request(url(ChildProtocol.CONTROL + "/running/" + call, null)).get().build();
        return Boolean.TRUE.equals(json(send(request, Duration.ofSeconds(2))).get("running"));
    }

    /** The child's health: whether it serves, and its heap's figures. */
    Map<String, Object> health(Duration timeout) throws IOException {
        return json(send(request(url(ChildProtocol.CONTROL + "/health", null)).get().build(), timeout));
    }

    private static Map<String, Object> json(Response response) throws IOException {
        try (response) {
            if (response.code() != 200) {
                throw new IOException("the plugin's JVM answered " + response.code());
            }
            return JSON.readValue(response.body().byteStream(), OBJECT);
        }
    }
}
