package org.aibase.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Asks {@code GET /api/v1/health} over loopback HTTP: it answers at all once Jetty and the REST
 * whiteboard serve, and 200 once every active plugin's resources are registered.
 */
final class ReadinessProbe {

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(1))
            .build();
    private final URI health;

    ReadinessProbe(String host, int port) {
        String probeHost = switch (host) {
            case "0.0.0.0", "::", "[::]" -> "127.0.0.1";
            default -> host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        };
        this.health = URI.create("http://" + probeHost + ":" + port + "/api/v1/health");
    }

    /** The status code of one health request, or empty when nothing answers yet. */
    OptionalInt status() throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).GET().build();
            return OptionalInt.of(client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (IOException notYet) {
            return OptionalInt.empty();
        }
    }

    /** Waits until the health resource answers with a status accepted by the predicate. */
    boolean awaitStatus(java.util.function.IntPredicate accepted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            OptionalInt status = status();
            if (status.isPresent() && accepted.test(status.getAsInt())) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }
}
