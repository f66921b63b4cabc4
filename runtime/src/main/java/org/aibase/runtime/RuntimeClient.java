package org.aibase.runtime;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The HTTP API of a running runtime, through the JDK's client. Every answer that is not a success
 * becomes a {@link CommandFailure} with the exit status README lists: 3 when nothing answers, 4 for a
 * key refused (401, 403), 1 for every other refusal, with the API's own message.
 */
final class RuntimeClient {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    // an upload is validated and started before the answer: longer than a plain read
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final RuntimeAddress address;
    private final HttpClient http;

    RuntimeClient(RuntimeAddress address) {
        this.address = address;
        // HTTP/1.1: the runtime serves nothing else on plain http, and an h2c upgrade offer only adds a round of headers
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /** One answer of the API: its status and body (JSON, or empty for 204). */
    record Answer(int status, String body) {
        JsonNode json() {
            try {
                return body.isEmpty() ? JSON.nullNode() : JSON.readTree(body);
            } catch (IOException e) {
                throw new CommandFailure(ExitStatus.FAILED, "the runtime answered " + status + " with a body that is not JSON: "
                        + abbreviate(body));
            }
        }
    }

    Answer get(String path) {
        return send(request(path).GET());
    }

    Answer post(String path, HttpRequest.BodyPublisher body, String contentType) {
        return send(request(path).header("Content-Type", contentType).POST(body));
    }

    Answer put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    Answer delete(String path) {
        return send(request(path).DELETE());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(address.api(path)).timeout(REQUEST_TIMEOUT)
                .header("Accept", "application/json");
        address.key().ifPresent(key -> builder.header("Authorization", "Bearer " + key));
        return builder;
    }

    private Answer send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException | ConnectException e) {
            throw unreachable(e);
        } catch (HttpTimeoutException e) {
            throw new CommandFailure(ExitStatus.FAILED, "AI Base at " + address.base() + " did not answer "
                    + request.method() + " " + request.uri().getPath() + " within " + REQUEST_TIMEOUT.toSeconds() + " s");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CommandFailure(ExitStatus.FAILED, "interrupted");
        }
        Answer answer = new Answer(response.statusCode(), response.body() == null ? "" : response.body());
        if (answer.status() >= 200 && answer.status() < 300) {
            return answer;
        }
        throw refusal(request, answer);
    }

    private CommandFailure unreachable(IOException e) {
        String reason = e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage()
                : e instanceof ConnectException ? "connection refused" : e.getClass().getSimpleName();
        return new CommandFailure(ExitStatus.UNREACHABLE, "cannot reach AI Base at " + address.base() + " (" + reason
                + "); is it running? Give its URL with --url or " + RuntimeAddress.URL_ENV);
    }

    private CommandFailure refusal(HttpRequest request, Answer answer) {
        String message = apiMessage(answer);
        String json = answer.body().startsWith("{") ? answer.body() : null;
        String call = request.method() + " " + request.uri().getPath();
        return switch (answer.status()) {
            case 401 -> new CommandFailure(ExitStatus.DENIED, (address.key().isEmpty()
                    ? "no API key given: " : "the API key was refused: ") + message + " (give an API key with --key or "
                    + RuntimeAddress.KEY_ENV + "; the first admin key is admin.api.key in the runtime's data/credentials.properties)", json);
            case 403 -> new CommandFailure(ExitStatus.DENIED, "the API key may not do this: " + message
                    + " (" + call + " needs an admin key)", json);
            default -> new CommandFailure(ExitStatus.FAILED, message + " (" + call + " answered " + answer.status() + ")", json);
        };
    }

    /** The API's error message ({@code {"error":{"code","message"}}}), or the start of the body. */
    private static String apiMessage(Answer answer) {
        try {
            JsonNode error = JSON.readTree(answer.body()).path("error");
            if (error.hasNonNull("message")) {
                return error.path("message").asText();
            }
        } catch (IOException e) {
            // not JSON: the body itself says what went wrong
        }
        return answer.body().isBlank() ? "HTTP " + answer.status() : abbreviate(answer.body());
    }

    private static String abbreviate(String text) {
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 197) + "..." : line;
    }

    URI base() {
        return address.base();
    }
}
