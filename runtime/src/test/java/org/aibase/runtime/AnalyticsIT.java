package org.aibase.runtime;

import static org.aibase.runtime.AnalyticsGolden.ADMIN;
import static org.aibase.runtime.AnalyticsGolden.USER;
import static org.aibase.runtime.AnalyticsGolden.assertGolden;
import static org.aibase.runtime.AnalyticsGolden.awaitFinished;
import static org.aibase.runtime.AnalyticsGolden.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The analytics plugin as shipped ({@code analytics.jar}), in the running launcher over real HTTP:
 * the golden dataset posted as JSON and as CSV is analysed by a job of the platform's job service and
 * the result, stored in the plugin's own tables, carries pandas' numbers; the listing and the
 * statistics count the job service's jobs; refusals name their limit; a deleted job is gone from the
 * plugin and the platform; and completed results survive a restart.
 */
class AnalyticsIT {

    @TempDir
    Path work;

    @Test
    void goldenNumbersThroughJobsAndStorageAndAcrossARestart() throws Exception {
        Path home = AnalyticsGolden.home(work, "golden");
        String jsonJob;
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            AnalyticsGolden.awaitServing(api);

            long posted = System.nanoTime();
            HttpResponse<String> accepted = post(api + "/analytics/analyze", "application/json", AnalyticsGolden.resource("dataset.json"));
            long answeredMs = (System.nanoTime() - posted) / 1_000_000;
            assertEquals(202, accepted.statusCode(), accepted.body());
            assertEquals("pending", json(accepted).path("status").asText(), accepted.body());
            jsonJob = json(accepted).path("job_id").asText();
            System.out.println("POST /analyze of 2,000 records answered in " + answeredMs + " ms");

            // the job is the job service's: the platform API sees it with its input referencing the stored dataset
            JsonNode platformJob = json(Http.get(api + "/jobs/" + jsonJob, USER));
            assertEquals("analytics", platformJob.path("plugin").asText(), platformJob.toString());
            assertEquals("analyze", platformJob.path("type").asText());
            assertTrue(platformJob.path("input").path("dataset_id").isTextual(), "the input references the dataset: " + platformJob);
            assertFalse(platformJob.path("input").has("records"), "the data itself is not in the job input");

            JsonNode done = awaitFinished(api, jsonJob, Duration.ofSeconds(90));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertEquals(100, done.path("progress").asInt());
            assertTrue(done.path("completed_at").isTextual() && done.path("started_at").isTextual(), done.toString());
            JsonNode results = done.path("results");
            assertGolden(results);
            assertEquals("golden-2000-11", results.path("dataset_name").asText());
            assertEquals(20, results.path("charts").path("histograms").path(0).path("counts").size(), "20-bin histograms: " + results.path("charts"));
            assertEquals("unavailable", results.path("insights").path("status").asText(), "no LLM configured: the insights say why");
            assertTrue(results.path("insights").path("reason").asText().length() > 10, results.path("insights").toString());
            JsonNode platformDone = json(Http.get(api + "/jobs/" + jsonJob, USER));
            assertEquals(2000, platformDone.path("result").path("row_count").asInt(), "the job record's own result is a summary: " + platformDone);
            assertExports(api, jsonJob);

            HttpResponse<String> csv = post(api + "/analytics/analyze?name=golden-csv", "text/csv", AnalyticsGolden.resource("dataset.csv"));
            assertEquals(202, csv.statusCode(), csv.body());
            String csvJob = json(csv).path("job_id").asText();
            JsonNode csvDone = awaitFinished(api, csvJob, Duration.ofSeconds(90));
            assertEquals("completed", csvDone.path("status").asText(), csvDone.toString());
            assertGolden(csvDone.path("results"));
            assertEquals("golden-csv", csvDone.path("name").asText());

            assertRefusals(api);

            JsonNode page = json(Http.get(api + "/analytics/jobs?skip=0&limit=1", USER));
            assertEquals(2, page.path("total").asInt(), "the real total, not the page length: " + page);
            assertEquals(1, page.path("jobs").size());
            assertEquals(csvJob, page.path("jobs").path(0).path("job_id").asText(), "newest first");
            assertFalse(page.path("jobs").path(0).has("results"), "the listing carries no results");
            JsonNode stats = json(Http.get(api + "/analytics/stats", USER));
            assertEquals(2, stats.path("total_jobs").asInt(), stats.toString());
            assertEquals(2, stats.path("completed_jobs").asInt(), stats.toString());
            assertEquals(1.0, stats.path("success_rate").asDouble(), stats.toString());

            HttpResponse<String> byUser = Http.send("DELETE", api + "/analytics/jobs/" + csvJob, USER, null, null);
            assertEquals(403, byUser.statusCode(), "deleting a job needs the admin role: " + byUser.body());
            assertEquals("forbidden", json(byUser).path("error").path("code").asText(), byUser.body());
            HttpResponse<String> deleted = Http.send("DELETE", api + "/analytics/jobs/" + csvJob, ADMIN, null, null);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertEquals(404, Http.get(api + "/analytics/jobs/" + csvJob, USER).statusCode(), "gone from the plugin");
            assertEquals(404, Http.get(api + "/jobs/" + csvJob, USER).statusCode(), "gone from the job service");
            HttpResponse<String> again = Http.send("DELETE", api + "/analytics/jobs/" + csvJob, ADMIN, null, null);
            assertEquals(404, again.statusCode());
            assertEquals("job_not_found", json(again).path("error").path("code").asText());
            assertEquals(1, json(Http.get(api + "/analytics/stats", USER)).path("total_jobs").asInt());

            assertEquals(0, launcher.terminate(Duration.ofSeconds(60)), "a clean stop");
        }
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            AnalyticsGolden.awaitServing(api);
            JsonNode kept = json(Http.get(api + "/analytics/jobs/" + jsonJob, USER));
            assertEquals("completed", kept.path("status").asText(), "completed results survive a restart: " + kept);
            assertGolden(kept.path("results"));
            assertEquals(1, json(Http.get(api + "/analytics/jobs", USER)).path("total").asInt());
        }
    }

    @Test
    void aMultipartUploadIsAnalysedAndAJobCanBeDeletedWhileItWaits() throws Exception {
        Path home = AnalyticsGolden.home(work, "upload");
        try (RunningLauncher launcher = RunningLauncher.ready(home)) {
            String api = launcher.baseUrl() + "/api/v1";
            AnalyticsGolden.awaitServing(api);
            String boundary = "----analytics-test-boundary";
            byte[] body = multipart(boundary, "sales.csv", AnalyticsGolden.resource("dataset.csv"),
                    "{\"analysis_depth\":\"basic\"}");
            HttpResponse<String> accepted = Http.send("POST", api + "/analytics/analyze", USER,
                    "multipart/form-data; boundary=" + boundary, BodyPublishers.ofByteArray(body));
            assertEquals(202, accepted.statusCode(), accepted.body());
            String id = json(accepted).path("job_id").asText();
            assertEquals("sales", json(accepted).path("name").asText(), "the name from the file name");

            // three more at once: with limits.jobs 2, at least one waits; deleting it cancels and removes it
            List<String> more = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                more.add(json(post(api + "/analytics/analyze", "application/json", AnalyticsGolden.resource("dataset.json"))).path("job_id").asText());
            }
            String last = more.get(2);
            HttpResponse<String> deleted = Http.send("DELETE", api + "/analytics/jobs/" + last, ADMIN, null, null);
            assertEquals(204, deleted.statusCode(), deleted.body());
            assertEquals(404, Http.get(api + "/jobs/" + last, USER).statusCode(), "the job service no longer has it");

            JsonNode done = awaitFinished(api, id, Duration.ofSeconds(90));
            assertEquals("completed", done.path("status").asText(), done.toString());
            assertGolden(done.path("results"));
            assertEquals("basic", done.path("results").path("analysis_depth").asText());
            assertTrue(done.path("results").path("charts").isMissingNode(), "a basic analysis has no charts");
            for (String other : more.subList(0, 2)) {
                assertEquals("completed", awaitFinished(api, other, Duration.ofSeconds(90)).path("status").asText());
            }
            JsonNode stats = json(Http.get(api + "/analytics/stats", USER));
            assertEquals(3, stats.path("total_jobs").asInt(), stats.toString());
            assertEquals(3, stats.path("completed_jobs").asInt(), stats.toString());
            assertNotEquals(0, json(Http.get(api + "/plugins/analytics/usage", ADMIN)).size());
        }
    }

    /** The completed result as files written by the platform's TabularExport, one request per format. */
    private static void assertExports(String api, String job) throws Exception {
        String url = api + "/analytics/jobs/" + job + "/export?format=";
        HttpResponse<String> csv = Http.get(url + "csv", USER);
        assertEquals(200, csv.statusCode(), csv.body());
        assertEquals("text/csv;charset=utf-8", csv.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""), csv.headers().toString());
        assertEquals("attachment; filename=\"analysis-" + job + ".csv\"", csv.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(csv.body().contains("\r\nage,float64,36,48.735743380855396,"), "pandas' mean of age in its row: " + csv.body());

        HttpResponse<String> json = Http.get(url + "json", USER);
        assertEquals(200, json.statusCode(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), json.headers().toString());
        JsonNode tables = json(json);
        assertEquals(7, tables.path("numeric statistics").size(), tables.toString());
        assertEquals(0.994, tables.path("data quality").path(0).path("value").asDouble(), tables.toString());

        HttpResponse<String> xlsx = Http.get(url + "xlsx", USER);
        assertEquals(200, xlsx.statusCode(), xlsx.body());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                xlsx.headers().firstValue("Content-Type").orElse(""));
        assertEquals("attachment; filename=\"analysis-" + job + ".xlsx\"", xlsx.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(xlsx.body().startsWith("PK"), "a zip file");

        HttpResponse<String> bad = Http.get(url + "pdf", USER);
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals("format", json(bad).path("error").path("details").path("field").asText(), bad.body());
        assertEquals(404, Http.get(api + "/analytics/jobs/" + java.util.UUID.randomUUID() + "/export?format=csv", USER).statusCode());
    }

    /** 413 and 422 over real HTTP, each naming its field and limit; nothing is queued for them. */
    private static void assertRefusals(String api) throws Exception {
        String wide = IntStream.range(0, 501).mapToObj(i -> "c" + i).collect(Collectors.joining(",")) + "\n"
                + IntStream.range(0, 501).mapToObj(String::valueOf).collect(Collectors.joining(",")) + "\n";
        HttpResponse<String> tooWide = post(api + "/analytics/analyze?name=wide", "text/csv", wide.getBytes(StandardCharsets.UTF_8));
        assertEquals(413, tooWide.statusCode(), tooWide.body());
        assertEquals("too_many_columns", json(tooWide).path("error").path("code").asText(), tooWide.body());
        assertTrue(json(tooWide).path("error").path("message").asText().contains("max_columns = 500"), tooWide.body());

        HttpResponse<String> notAList = post(api + "/analytics/analyze", "application/json",
                "{\"name\":\"x\",\"records\":{\"a\":1}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, notAList.statusCode(), notAList.body());
        assertEquals("records", json(notAList).path("error").path("details").path("field").asText(), notAList.body());

        HttpResponse<String> unknownKey = post(api + "/analytics/analyze", "application/json",
                "{\"name\":\"x\",\"records\":[{\"a\":1}],\"config\":{\"max_dataset_size\":5}}".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, unknownKey.statusCode(), unknownKey.body());
        assertTrue(json(unknownKey).path("error").path("message").asText().contains("max_dataset_size"), unknownKey.body());

        HttpResponse<String> longName = post(api + "/analytics/analyze?name=" + "n".repeat(101), "text/csv",
                "a\n1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(422, longName.statusCode(), longName.body());
        assertEquals("name", json(longName).path("error").path("details").path("field").asText());

        HttpResponse<String> nan = post(api + "/analytics/analyze", "application/json",
                "{\"name\":\"x\",\"records\":[{\"a\":NaN}]}".getBytes(StandardCharsets.UTF_8));
        assertTrue(nan.statusCode() == 202 || nan.statusCode() == 422, "NaN is no 500: " + nan.statusCode() + " " + nan.body());
        if (nan.statusCode() == 202) {
            Http.send("DELETE", api + "/analytics/jobs/" + json(nan).path("job_id").asText(), ADMIN, null, null);
        }
    }

    private static HttpResponse<String> post(String url, String type, byte[] body) throws Exception {
        return Http.send("POST", url, USER, type, BodyPublishers.ofByteArray(body));
    }

    private static byte[] multipart(String boundary, String fileName, byte[] file, String config) {
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"config\"\r\n\r\n" + config + "\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\n";
        String tail = "\r\n--" + boundary + "--\r\n";
        byte[] h = head.getBytes(StandardCharsets.UTF_8);
        byte[] t = tail.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[h.length + file.length + t.length];
        System.arraycopy(h, 0, all, 0, h.length);
        System.arraycopy(file, 0, all, h.length, file.length);
        System.arraycopy(t, 0, all, h.length + file.length, t.length);
        return all;
    }
}
