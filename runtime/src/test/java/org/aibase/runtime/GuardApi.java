package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The platform API of a running launcher as the guard tests read it: plugin records by file, usage. */
final class GuardApi {

    /** States a plugin stays in until someone acts. */
    static final Set<String> SETTLED = Set.of("rejected", "active", "failed", "stopped", "quarantined");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String api;
    private final String key;

    GuardApi(String api, String key) {
        this.api = api;
        this.key = key;
    }

    String url(String path) {
        return api + path;
    }

    String key() {
        return key;
    }

    /** Every plugin record, by JAR file name. */
    Map<String, JsonNode> recordsByFile() throws IOException, InterruptedException {
        HttpResponse<String> response = Http.get(api + "/plugins", key);
        assertEquals(200, response.statusCode(), response.body());
        return byFile(response);
    }

    /** Waits until every file has a record in a settled state; returns the records by file. */
    Map<String, JsonNode> awaitSettled(Collection<String> files, Duration timeout) throws IOException, InterruptedException {
        HttpResponse<String> last = Http.await(api + "/plugins", key, response -> {
            Map<String, JsonNode> records = byFile(response);
            return files.stream().allMatch(file -> records.containsKey(file)
                    && SETTLED.contains(records.get(file).path("state").asText()));
        }, timeout);
        Map<String, JsonNode> records = byFile(last);
        for (String file : files) {
            JsonNode record = records.get(file);
            assertNotNull(record, file + " is listed: " + last.body());
            assertTrue(SETTLED.contains(record.path("state").asText()), file + " settled within " + timeout + ": " + record);
        }
        return records;
    }

    /** {@code GET /plugins/<id>/usage}. */
    JsonNode usage(String id) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.get(api + "/plugins/" + id + "/usage", key);
        assertEquals(200, response.statusCode(), response.body());
        return json(response.body());
    }

    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    private static Map<String, JsonNode> byFile(HttpResponse<String> response) {
        Map<String, JsonNode> records = new HashMap<>();
        if (response.statusCode() != 200) {
            return records;
        }
        JsonNode plugins = json(response.body());
        for (JsonNode plugin : plugins.isArray() ? plugins : plugins.path("items")) {
            records.put(plugin.path("file").asText(), plugin);
        }
        return records;
    }
}
