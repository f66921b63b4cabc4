package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards that act while plugins run, over the real runtime: a resource that selects another
 * plugin's application is not served; {@code OutboundHttp} and {@code PluginFiles}, called by a test
 * plugin that holds them, refuse undeclared hosts and names leading out of its folder and do the
 * declared work; the per-plugin meters count the requests made here.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String PROBE = "probes_services";
    private static final String HIJACKER = "hijacks_hello";

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private GuardApi api;
    private HttpServer declaredHost;
    private final AtomicInteger declaredHostCalls = new AtomicInteger();

    @BeforeAll
    void start() throws Exception {
        declaredHost = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        declaredHost.createContext("/", exchange -> {
            declaredHostCalls.incrementAndGet();
            byte[] body = "answer from the declared host".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        declaredHost.start();

        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
        Path deploy = home.resolve("deploy");
        List<MisbehavingPlugin> plugins = List.of(MisbehavingPlugins.hijacksHello(), MisbehavingPlugins.probesConfinedServices());
        for (MisbehavingPlugin plugin : plugins) {
            plugin.writeInto(deploy);
        }
        api.awaitSettled(plugins.stream().map(MisbehavingPlugin::fileName).toList(), WAIT).forEach((file, record) ->
                assertEquals("active", record.path("state").asText(), file + ": " + record));
        awaitAnswer("/" + HIJACKER + "/ping");
        awaitAnswer("/" + PROBE + "/probe/file?name=ready.txt"); // 400 not_found once it is served
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
        if (declaredHost != null) {
            declaredHost.stop(0);
        }
    }

    // ---- HTTP whiteboard: a plugin's resource stays in its own URL space ----

    @Test
    void resourceSelectingHellosApplicationIsNotServed() throws Exception {
        // the hijacker's own endpoint answers (awaited at start), so the whiteboard has seen its services
        HttpResponse<String> ping = Http.get(api.url("/" + HIJACKER + "/ping"), api.key());
        assertEquals(200, ping.statusCode(), ping.body());
        assertEquals("pong", ping.body());

        HttpResponse<String> stolen = Http.get(api.url("/hello/stolen"), api.key());
        assertEquals(404, stolen.statusCode(), "the resource that selects aibase.hello is not served: " + stolen.body());
        HttpResponse<String> greeting = Http.get(api.url("/hello/greeting?name=Ada"), api.key());
        assertEquals(200, greeting.statusCode(), greeting.body());
        assertEquals("{\"message\":\"Hello, Ada!\"}", greeting.body());
    }

    // ---- OutboundHttp: only network_hosts ----

    @Test
    void outboundCallToTheDeclaredHostWorks() throws Exception {
        int before = declaredHostCalls.get();
        HttpResponse<String> response = outbound("http://127.0.0.1:" + declaredHost.getAddress().getPort() + "/data");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode answer = GuardApi.json(response.body());
        assertEquals(200, answer.path("status").asInt(), response.body());
        assertEquals("answer from the declared host", answer.path("body").asText(), response.body());
        assertEquals(before + 1, declaredHostCalls.get(), "the declared host was called once");
    }

    @Test
    void outboundCallToAnUndeclaredHostIsRefused() throws Exception {
        assertRefused(outbound("http://example.invalid/steal"), "host_not_allowed", "example.invalid");
    }

    @Test
    void outboundCallToLocalhostByAnUndeclaredNameIsRefused() throws Exception {
        // the same server under a name that is not in network_hosts: the check is on the name
        int before = declaredHostCalls.get();
        assertRefused(outbound("http://localhost:" + declaredHost.getAddress().getPort() + "/data"), "host_not_allowed",
                "localhost");
        assertEquals(before, declaredHostCalls.get(), "the server was not called");
    }

    // ---- PluginFiles: only the plugin's own folder ----

    @Test
    void fileNameLeadingOutOfTheFolderIsRefused() throws Exception {
        assertRefused(writeFile("../escaped.txt", "out"), "invalid_name", "..");
        assertRefused(writeFile("notes/../../escaped.txt", "out"), "invalid_name", "..");
        assertRefused(readFile("../../credentials.properties"), "invalid_name", "..");
        assertTrue(Files.notExists(home.resolve("data/plugins/escaped.txt")), "nothing written next to the folder");
        assertTrue(Files.notExists(home.resolve("data/escaped.txt")), "nothing written above it");
    }

    @Test
    void fileWrittenAndReadLandsInThePluginsFolder() throws Exception {
        HttpResponse<String> written = writeFile("notes/first.txt", "kept by the plugin");
        assertEquals(200, written.statusCode(), written.body());
        HttpResponse<String> read = readFile("notes/first.txt");
        assertEquals(200, read.statusCode(), read.body());
        assertEquals("kept by the plugin", GuardApi.json(read.body()).path("text").asText(), read.body());
        Path file = home.resolve("data/plugins/" + PROBE + "/notes/first.txt");
        assertTrue(Files.isRegularFile(file), file + " exists");
        assertEquals("kept by the plugin", Files.readString(file));
    }

    // ---- meters ----

    @Test
    void metersCountTheRequestsMadeHere() throws Exception {
        JsonNode before = api.usage(PROBE);
        String declared = "http://127.0.0.1:" + declaredHost.getAddress().getPort() + "/metered";
        assertEquals(200, outbound(declared).statusCode());
        assertEquals(200, writeFile("metered.txt", "1").statusCode());
        assertEquals(200, readFile("metered.txt").statusCode());
        assertEquals(400, outbound("http://example.invalid/").statusCode());
        assertEquals(400, readFile("../metered.txt").statusCode());
        long requests = before.path("requests").asLong() + 5;
        long clientErrors = before.path("client_errors").asLong() + 2;

        HttpResponse<String> usage = Http.await(api.url("/plugins/" + PROBE + "/usage"), api.key(), r -> {
            JsonNode json = GuardApi.json(r.body());
            return json.path("requests").asLong() >= requests && json.path("in_flight").asLong() == 0;
        }, WAIT);
        JsonNode after = GuardApi.json(usage.body());
        assertEquals(requests, after.path("requests").asLong(), "5 more requests, before: " + before + ", after: " + after);
        assertEquals(clientErrors, after.path("client_errors").asLong(), "2 more 4xx, before: " + before + ", after: " + after);
        assertEquals(before.path("errors").asLong(), after.path("errors").asLong(), "no 5xx: " + after);
        assertEquals("active", after.path("state").asText(), after.toString());
    }

    private HttpResponse<String> outbound(String url) throws IOException, InterruptedException {
        return Http.get(api.url("/" + PROBE + "/probe/outbound?url=" + URLEncoder.encode(url, StandardCharsets.UTF_8)), api.key());
    }

    private HttpResponse<String> writeFile(String name, String text) throws IOException, InterruptedException {
        return Http.send("PUT", api.url("/" + PROBE + "/probe/file?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)),
                api.key(), "text/plain", BodyPublishers.ofString(text));
    }

    private HttpResponse<String> readFile(String name) throws IOException, InterruptedException {
        return Http.get(api.url("/" + PROBE + "/probe/file?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)), api.key());
    }

    private static void assertRefused(HttpResponse<String> response, String code, String messageMentions) {
        assertEquals(400, response.statusCode(), "refused: " + response.body());
        JsonNode refusal = GuardApi.json(response.body());
        assertEquals(code, refusal.path("code").asText(), response.body());
        assertTrue(refusal.path("message").asText().contains(messageMentions),
                "the refusal names '" + messageMentions + "': " + response.body());
    }

    /** Waits until a plugin path is served: anything but 404 and 503 (not yet registered). */
    private void awaitAnswer(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.await(api.url(path), api.key(),
                r -> r.statusCode() != 404 && r.statusCode() != 503, WAIT);
        assertTrue(response.statusCode() != 404 && response.statusCode() != 503,
                path + " is served: " + response.statusCode() + " " + response.body());
    }
}
