package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.aibase.api.http.HttpCall;
import org.aibase.api.http.HttpResult;
import org.aibase.api.http.OutboundHttpException;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.DescriptorReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** Outbound HTTP against a local server: declared hosts only, no redirects, timeouts. */
class PluginHttpClientTest {

    private HttpServer server;
    private PluginHttpClient client;
    private String base;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("X-Method", exchange.getRequestMethod());
            exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/away", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://example.org/");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(2_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        client = client("permissions: [network]\nnetwork_hosts: [127.0.0.1]\n");
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void callsADeclaredHost() {
        HttpResult result = client.send(HttpCall.post(URI.create(base + "/echo"), "text/plain", "ping".getBytes(StandardCharsets.UTF_8)));

        assertEquals(200, result.status());
        assertEquals("ping", result.bodyText());
        assertEquals(Optional.of("POST"), result.header("x-method"));
        assertEquals(1, client.usage().calls());
        assertEquals(4, client.usage().bytesSent());
        assertEquals(4, client.usage().bytesReceived());
    }

    @Test
    void refusesAnUndeclaredHostNamingItAndTheAllowedOnes() {
        OutboundHttpException e = assertThrows(OutboundHttpException.class,
                () -> client.send(HttpCall.get(URI.create("http://localhost:" + server.getAddress().getPort() + "/echo"))));

        assertEquals(OutboundHttpException.HOST_NOT_ALLOWED, e.code());
        assertTrue(e.getMessage().contains("'localhost'") && e.getMessage().contains("[127.0.0.1]"), e.getMessage());
        assertEquals(1, client.usage().refused());
    }

    @Test
    void refusesOtherSchemes() {
        OutboundHttpException e = assertThrows(OutboundHttpException.class,
                () -> client.send(HttpCall.get(URI.create("file:///etc/passwd"))));

        assertEquals(OutboundHttpException.SCHEME_NOT_ALLOWED, e.code());
    }

    @Test
    void refusesAPluginWithoutTheNetworkPermission() {
        try (PluginHttpClient without = client("network_hosts: [127.0.0.1]\n")) {
            OutboundHttpException e = assertThrows(OutboundHttpException.class,
                    () -> without.send(HttpCall.get(URI.create(base + "/echo"))));
            assertEquals(OutboundHttpException.NOT_PERMITTED, e.code());
        }
    }

    @Test
    void doesNotFollowARedirectToAnUndeclaredHost() {
        HttpResult result = client.send(HttpCall.get(URI.create(base + "/away")));

        assertEquals(302, result.status());
        assertEquals(Optional.of("http://example.org/"), result.header("Location"));
    }

    @Test
    void aCallTakingLongerThanItsTimeoutFails() {
        OutboundHttpException e = assertThrows(OutboundHttpException.class,
                () -> client.send(HttpCall.get(URI.create(base + "/slow")).withTimeout(Duration.ofMillis(200))));

        assertEquals(OutboundHttpException.TIMEOUT, e.code());
    }

    private static PluginHttpClient client(String yaml) {
        PluginDescriptor descriptor = new DescriptorReader()
                .read(new ByteArrayInputStream(("id: caller\nversion: 1.0.0\n" + yaml).getBytes(StandardCharsets.UTF_8)))
                .descriptor().orElseThrow();
        return new PluginHttpClient(descriptor, Duration.ofSeconds(30), PluginThreads.of("caller-http", null));
    }
}
