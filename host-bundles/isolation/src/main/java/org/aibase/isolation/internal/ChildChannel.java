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

    /** How long a control call (interrupt, running, health) may take. */
    static final Duration CONTROL_WAIT = Duration.ofSeconds(2);

    /** The plugin's calls, each ended at the plugin's timeout. */
    private final OkHttpClient calls;
    /** The runtime's control calls. */
    private final OkHttpClient control;
    private final int port;
    private final String secret;

    /** {@code shared} gives its connection pool and dispatcher; {@code timeout} is the plugin's. */
    ChildChannel(OkHttpClient shared, int port, String secret, Duration timeout) {
        this.calls = shared.newBuilder().callTimeout(timeout).build();
        this.control = shared.newBuilder().callTimeout(CONTROL_WAIT).build();
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

    /** Sends a call of the plugin, ended at the plugin's timeout ({@link java.io.InterruptedIOException}). */
    Response send(Request request) throws IOException {
        return calls.newCall(request).execute();
    }

    private Response sendControl(Request request) throws IOException {
        return control.newCall(request).execute();
    }

    /** Runs a task in the child; the answer's JSON. */
    Map<String, Object> task(String call, String type, Map<String, Object> config) throws IOException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type);
        body.put("config", config);
        Request request = request(url(ChildProtocol.CONTROL + "/task", null)).header(ChildProtocol.CALL_HEADER, call)
                .post(RequestBody.create(JSON.writeValueAsBytes(body), JSON_TYPE)).build();
        return json(send(request));
    }

    /** Interrupts a call in the child; whether it was running. */
    boolean interrupt(String call) {
        try {
            Request request = request(url(ChildProtocol.CONTROL + "/interrupt/" + call, null))
                    .post(RequestBody.create(new byte[0], JSON_TYPE)).build();
            return Boolean.TRUE.equals(json(sendControl(request)).get("interrupted"));
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a call still runs in the child (false when the child cannot say). */
    boolean running(String call) throws IOException {
        Request request = request(url(ChildProtocol.CONTROL + "/running/" + call, null)).get().build();
        return Boolean.TRUE.equals(json(sendControl(request)).get("running"));
    }

    /** The child's health: whether it serves, and its heap's figures. */
    Map<String, Object> health() throws IOException {
        return json(sendControl(request(url(ChildProtocol.CONTROL + "/health", null)).get().build()));
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
