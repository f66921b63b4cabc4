package org.aibase.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.function.Predicate;

/** Real HTTP calls for the tests, and polling for what the whiteboard registers asynchronously. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET().build());
    }

    /** A GET with an API key as bearer token. */
    static HttpResponse<String> get(String url, String apiKey) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + apiKey).GET().build());
    }

    /** Any request: method, optional API key, optional body with its content type. */
    static HttpResponse<String> send(String method, String url, String apiKey, String contentType,
            HttpRequest.BodyPublisher body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : body);
        if (apiKey != null) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.build());
    }

    static HttpResponse<String> get(String url, String user, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + basic).GET().build());
    }

    /** Polls until the response satisfies the condition; returns the last response either way. */
    static HttpResponse<String> await(String url, Predicate<HttpResponse<String>> condition, Duration timeout)
            throws IOException, InterruptedException {
        return await(url, null, condition, timeout);
    }

    /** Polls with an API key (none when {@code null}) until the response satisfies the condition. */
    static HttpResponse<String> await(String url, String apiKey, Predicate<HttpResponse<String>> condition,
            Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = apiKey == null ? get(url) : get(url, apiKey);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        return last == null ? (apiKey == null ? get(url) : get(url, apiKey)) : last;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
