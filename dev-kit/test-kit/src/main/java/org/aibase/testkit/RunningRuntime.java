package org.aibase.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The runtime a test class runs against, with the plugin under test active in it: its URLs, an admin
 * API key, and calls to its HTTP API that send that key.
 */
public final class RunningRuntime {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);

    private final RuntimeProcess process;
    private final String pluginId;
    private final String adminKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    RunningRuntime(RuntimeProcess process, String pluginId, String adminKey) {
        this.process = process;
        this.pluginId = pluginId;
        this.adminKey = adminKey;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String baseUrl() {
        return process.baseUrl();
    }

    /** {@code http://127.0.0.1:PORT/api/v1}: the platform's API. */
    public String apiUrl() {
        return baseUrl() + "/api/v1";
    }

    /** {@code http://127.0.0.1:PORT/api/v1/<plugin id>}: where the plugin's resources answer. */
    public String pluginUrl() {
        return apiUrl() + "/" + pluginId;
    }

    /** The id of the plugin under test (plugin.yaml's {@code id}). */
    public String pluginId() {
        return pluginId;
    }

    /** An admin API key ({@code Authorization: Bearer KEY}). */
    public String adminKey() {
        return adminKey;
    }

    /** The runtime's home folder ({@code deploy/}, {@code config/}, {@code data/}). */
    public Path home() {
        return process.home();
    }

    /** What the runtime printed so far, line by line. */
    public List<String> output() {
        return process.output();
    }

    /** {@code GET} a path of the plugin: {@code get("/greeting?name=Ada")} asks {@code /api/v1/<id>/greeting?name=Ada}. */
    public ApiResponse get(String pluginPath) {
        return call("GET", pluginUrl() + pluginPath, null);
    }

    /** {@code POST} a JSON body to a path of the plugin. */
    public ApiResponse post(String pluginPath, String json) {
        return call("POST", pluginUrl() + pluginPath, json);
    }

    /** {@code PUT} a JSON body to a path of the plugin. */
    public ApiResponse put(String pluginPath, String json) {
        return call("PUT", pluginUrl() + pluginPath, json);
    }

    /** {@code DELETE} a path of the plugin. */
    public ApiResponse delete(String pluginPath) {
        return call("DELETE", pluginUrl() + pluginPath, null);
    }

    /** Runs one of the plugin's tasks: {@code POST /api/v1/plugins/<id>/tasks {"type": type, "config": config}}. */
    public ApiResponse task(String type, String configJson) {
        return call("POST", apiUrl() + "/plugins/" + pluginId + "/tasks",
                // the type quoted as JSON (a test may well pass an odd one); the configuration goes as given
                "{\"type\":\"" + new String(JsonStringEncoder.getInstance().quoteAsString(type)) + "\",\"config\":"
                        + (configJson == null ? "{}" : configJson) + "}");
    }

    /** The plugin's record in the registry ({@code GET /api/v1/plugins/<id>}): state, descriptor, report. */
    public JsonNode plugin() {
        return call("GET", apiUrl() + "/plugins/" + pluginId, null).json();
    }

    /**
     * Any call with the admin key: {@code url} is absolute or a path of the runtime ({@code /api/v1/health});
     * {@code json} is the body ({@code null} for none).
     */
    public ApiResponse call(String method, String url, String json) {
        String absolute = url.startsWith("/") ? baseUrl() + url : url;
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(absolute)).timeout(CALL_TIMEOUT)
                .header("Authorization", "Bearer " + adminKey);
        if (json == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new AssertionError(method + " " + absolute + " failed: " + e + "\n" + process.tail(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(method + " " + absolute + " was interrupted", e);
        }
    }
}
