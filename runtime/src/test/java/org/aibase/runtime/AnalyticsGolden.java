package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The analytics plugin's golden dataset (2,000 rows, test resources {@code analytics/}) and the numbers
 * the seed's pandas code computed for it ({@code expected.json}), with what the runtime tests of the
 * plugin share: a home with API keys and the plugin deployed, and polling a job to its end.
 */
final class AnalyticsGolden {

    static final String USER = "user-key-for-the-analytics-test-0123456789";
    static final String ADMIN = "admin-key-for-the-analytics-test-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();
    /** The tolerance; in fact all floats are bit-equal. */
    static final double RELATIVE_TOLERANCE = 1e-9;

    private AnalyticsGolden() {
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AnalyticsGolden.class.getResourceAsStream("/analytics/" + name)) {
            return in.readAllBytes();
        }
    }

    static JsonNode expected() throws IOException {
        return JSON.readTree(resource("expected.json"));
    }

    /** A home with a user and an admin key, and the built analytics plugin in its deploy folder. */
    static Path home(Path work, String name) throws IOException {
        Path home = Files.createDirectories(work.resolve("home-" + name));
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "\n");
        RunningLauncher.deploy(home, "analytics.jar");
        return home;
    }

    /** Waits until the plugin's resources answer (registration is asynchronous after activation). */
    static void awaitServing(String api) throws Exception {
        HttpResponse<String> stats = Http.await(api + "/analytics/stats", USER, r -> r.statusCode() == 200, Duration.ofSeconds(60));
        assertEquals(200, stats.statusCode(), "the analytics plugin serves: " + stats.body() + "\n"
                + Http.get(api + "/plugins/analytics", ADMIN).body());
    }

    /** Polls the plugin's job until it is final; the last answer. */
    static JsonNode awaitFinished(String api, String jobId, Duration timeout) throws Exception {
        HttpResponse<String> last = Http.await(api + "/analytics/jobs/" + jobId, USER, r -> {
            String status = json(r).path("status").asText();
            return status.equals("completed") || status.equals("failed") || status.equals("cancelled");
        }, timeout);
        return json(last);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON (" + response.statusCode() + "): " + response.body(), e);
        }
    }

    /** The statistics, quality and shape of a result equal pandas' (floats to 1e-9, all else exactly). */
    static void assertGolden(JsonNode results) throws IOException {
        JsonNode expected = expected();
        assertEquals(expected.path("row_count").asInt(), results.path("row_count").asInt(), "row_count");
        assertEquals(expected.path("column_count").asInt(), results.path("column_count").asInt(), "column_count");
        List<String> differences = new ArrayList<>();
        int[] floats = new int[2];
        compare("statistics", expected.get("statistics"), results.get("statistics"), differences, floats);
        compare("data_quality", expected.get("data_quality"), results.get("data_quality"), differences, floats);
        if (!differences.isEmpty()) {
            fail(String.join("\n", differences));
        }
        assertTrue(floats[1] > 50, "compared " + floats[1] + " floats");
        System.out.println("golden over HTTP: " + floats[0] + " of " + floats[1] + " floats bit-equal to pandas'");
    }

    private static void compare(String path, JsonNode expected, JsonNode actual, List<String> differences, int[] floats) {
        if (actual == null || actual.isMissingNode()) {
            differences.add(path + ": missing");
        } else if (expected.isObject()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + expected.size() + " keys expected, got " + actual.size() + ": " + actual);
            }
            expected.fields().forEachRemaining(e -> compare(path + "/" + e.getKey(), e.getValue(), actual.get(e.getKey()),
                    differences, floats));
        } else if (expected.isFloatingPointNumber() || actual.isFloatingPointNumber()) {
            double e = expected.asDouble();
            double a = actual.asDouble();
            floats[1]++;
            if (e == a) {
                floats[0]++;
            } else if (!actual.isNumber() || Math.abs(e - a) > RELATIVE_TOLERANCE * Math.abs(e)) {
                differences.add(path + ": expected " + e + ", got " + actual);
            }
        } else if (expected.isIntegralNumber()) {
            if (!actual.isIntegralNumber() || expected.asLong() != actual.asLong()) {
                differences.add(path + ": expected " + expected + ", got " + actual);
            }
        } else if (!expected.equals(actual)) {
            differences.add(path + ": expected " + expected + ", got " + actual);
        }
    }
}
