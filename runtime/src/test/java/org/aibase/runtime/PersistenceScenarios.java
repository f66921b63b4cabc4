package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The persistence service in the running launcher, the same story against each database: two
 * plugins with an entity of the same name keep their own rows, which survive a restart; a plugin past
 * its tiny storage limit is refused with used bytes and the limit; a plugin without {@code storage}
 * that references the service is refused.
 */
abstract class PersistenceScenarios {

    static final String USER = "user-key-for-the-persistence-test-0123";
    static final String ADMIN = "admin-key-for-the-persistence-test-0123";
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path work;

    /** 130 characters: too long for Derby (128) and PostgreSQL (63) alike. */
    private static final String LONG_TABLE = "N".repeat(130);

    /** The lines of {@code config/org.aibase.persistence.cfg} besides the measuring interval. */
    abstract String databaseConfiguration();

    /** How the error names the database's limit, e.g. {@code Derby accepts at most 128}. */
    abstract String maxTableName();

    /** What the database itself says about the tables, checked after the first run; nothing by default. */
    void checkTables() throws Exception {
    }

    @Test
    void pluginsKeepTheirOwnRowsAcrossARestartWithinTheirStorageLimit() throws Exception {
        Path home = Files.createDirectories(work.resolve("home"));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "\n");
        Files.writeString(home.resolve("config/org.aibase.persistence.cfg"),
                databaseConfiguration() + "\nusage.interval.seconds=1\n");
        deploy(home, PersistenceTestPlugins.build(work, "alpha", "http, storage", ""));
        deploy(home, PersistenceTestPlugins.build(work, "beta", "http, storage", ""));
        deploy(home, PersistenceTestPlugins.build(work, "tiny", "http, storage", "limits: {storage: 1KB}"));
        deploy(home, PersistenceTestPlugins.build(work, "nostore", "http", ""));
        deploy(home, PersistenceTestPlugins.build(work, "longnames", "http, storage", "", LONG_TABLE));

        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            awaitActive(api, "alpha");
            awaitActive(api, "beta");
            assertEquals(200, post(api + "/alpha/notes", "first alpha note").statusCode());
            assertEquals(200, post(api + "/alpha/notes", "second alpha note").statusCode());
            assertEquals(200, post(api + "/beta/notes", "only beta note").statusCode());
            assertEquals(List.of("first alpha note", "second alpha note"), texts(api, "alpha"));
            assertEquals(List.of("only beta note"), texts(api, "beta"));
            JsonNode alpha = json(Http.get(api + "/alpha/notes", USER));
            assertEquals("[\"first\",\"alpha\",\"note\"]", alpha.path("notes").path(0).path("tags").toString());
            assertEquals("[\"org.example.alpha.Note\"]", alpha.path("managed").toString());

            awaitActive(api, "tiny");
            HttpResponse<String> refused = writeUntilRefused(api + "/tiny/notes");
            assertEquals(413, refused.statusCode(), refused.body());
            JsonNode error = json(refused).path("error");
            assertEquals("quota_exceeded", error.path("code").asText(), refused.body());
            assertEquals(1024, error.path("limit").asLong());
            assertTrue(error.path("used").asLong() > 1024, refused.body());
            assertTrue(error.path("message").asText().contains("uses " + error.path("used").asLong()
                    + " bytes of its storage limit of 1024 bytes"), refused.body());

            awaitAnswer(api, "longnames", "name_too_long");
            HttpResponse<String> tooLong = post(api + "/longnames/notes", "never stored");
            assertEquals(503, tooLong.statusCode(), tooLong.body());
            assertEquals("name_too_long", json(tooLong).path("error").path("code").asText(), tooLong.body());
            int bytes = "LONGNAMES_".length() + LONG_TABLE.length();
            assertTrue(json(tooLong).path("error").path("message").asText().startsWith("table 'LONGNAMES_" + LONG_TABLE
                    + "' of org.example.longnames.Note is " + bytes + " bytes long; " + maxTableName()), tooLong.body());

            JsonNode nostore = plugin(api, "nostore.jar");
            assertEquals("rejected", nostore.path("state").asText(), nostore.toString());
            String reason = nostore.path("reason").asText() + nostore.path("report");
            assertTrue(reason.contains("org.aibase.api.persistence.PersistenceService (reference 'persistence')")
                    && reason.contains("without permission 'storage'"), nostore.toString());

            assertEquals(0, launcher.terminate(Duration.ofSeconds(60)));
        }
        checkTables();

        try (RunningLauncher again = RunningLauncher.ready(home)) {
            String api = again.baseUrl() + "/api/v1";
            awaitActive(api, "alpha");
            awaitActive(api, "beta");
            assertEquals(List.of("first alpha note", "second alpha note"), texts(api, "alpha"));
            assertEquals(List.of("only beta note"), texts(api, "beta"));
            assertEquals(200, post(api + "/beta/notes", "after the restart").statusCode());
            assertEquals(List.of("only beta note", "after the restart"), texts(api, "beta"));
            assertEquals(0, again.terminate(Duration.ofSeconds(60)));
        }
    }

    /** Writes notes until the plugin's measured storage is past its limit and a write is refused. */
    private static HttpResponse<String> writeUntilRefused(String url) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        HttpResponse<String> last = null;
        int written = 0;
        while (System.nanoTime() < deadline) {
            last = post(url, "note number " + written);
            if (last.statusCode() != 200) {
                return last;
            }
            written++;
            Thread.sleep(200);
        }
        throw new AssertionError("still accepted after " + written + " writes: " + (last == null ? "" : last.body()));
    }

    private static List<String> texts(String api, String id) throws Exception {
        HttpResponse<String> response = Http.get(api + "/" + id + "/notes", USER);
        assertEquals(200, response.statusCode(), response.body());
        List<String> texts = new ArrayList<>();
        json(response).path("notes").forEach(note -> texts.add(note.path("text").asText()));
        return texts;
    }

    private static HttpResponse<String> post(String url, String text) throws Exception {
        return Http.send("POST", url, USER, "text/plain", HttpRequest.BodyPublishers.ofString(text));
    }

    private static void deploy(Path home, Path jar) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(jar, home.resolve("deploy").resolve(jar.getFileName()));
    }

    /** Waits until the plugin is active and its notes resource answers. */
    private static void awaitActive(String api, String id) throws Exception {
        awaitAnswer(api, id, "");
    }

    /** Waits until the plugin's notes resource answers 200, or its own error with this code when not empty. */
    private static void awaitAnswer(String api, String id, String errorCode) throws Exception {
        String expected = "\"code\":\"" + errorCode + "\"";
        HttpResponse<String> last = Http.await(api + "/" + id + "/notes", USER,
                r -> errorCode.isEmpty() ? r.statusCode() == 200 : r.body().contains(expected), WAIT);
        if (errorCode.isEmpty() ? last.statusCode() != 200 : !last.body().contains(expected)) {
            throw new AssertionError(id + " did not answer within " + WAIT + ": " + last.statusCode() + " "
                    + last.body() + "\n" + Http.get(api + "/plugins", ADMIN).body());
        }
    }

    private static JsonNode plugin(String api, String file) throws Exception {
        JsonNode plugins = json(Http.get(api + "/plugins", ADMIN));
        for (JsonNode plugin : plugins.isArray() ? plugins : plugins.path("items")) {
            if (plugin.path("file").asText().equals(file)) {
                return plugin;
            }
        }
        throw new AssertionError(file + " is not listed: " + plugins);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
