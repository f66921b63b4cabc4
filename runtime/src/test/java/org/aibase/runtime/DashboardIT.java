package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard plugin over the real runtime and real HTTP, on metrics the platform sampled from real
 * traffic (every second here): every task type, every endpoint, bad input named field by field, an
 * XLSX export re-read cell by cell, the SSE stream read by a real client, and the MetricsService
 * refused to plugins without {@code metrics.read}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private GuardApi api;
    private String base;
    private String key;

    @BeforeAll
    void start() throws Exception {
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.metrics.cfg"), "interval.seconds=1\n");
        Files.writeString(home.resolve("config/org.aibase.sandbox.cfg"), "trusted.plugins=[\"trusted_probe\"]\n");
        RunningLauncher.deploy(home, "hello.jar");
        RunningLauncher.deploy(home, "dashboard.jar");
        launcher = RunningLauncher.ready(home);
        base = launcher.baseUrl();
        key = launcher.credential("admin.api.key");
        api = new GuardApi(base + "/api/v1", key);
        api.awaitSettled(List.of("hello.jar", "dashboard.jar"), WAIT).forEach((file, record) ->
                assertEquals("active", record.path("state").asText(), file + ": " + record));
        for (int i = 0; i < 30; i++) {
            assertEquals(200, Http.get(base + "/api/v1/hello/greeting?name=Ada", key).statusCode());
        }
        assertEquals(400, Http.get(base + "/api/v1/hello/greeting?name=", key).statusCode());
        Thread.sleep(2500); // two more samples after the traffic
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    private JsonNode task(String type, String config) throws Exception {
        HttpResponse<String> response = Http.send("POST", base + "/api/v1/plugins/dashboard/tasks", key, "application/json",
                BodyPublishers.ofString("{\"type\":\"" + type + "\",\"config\":" + config + "}"));
        assertEquals(200, response.statusCode(), response.body());
        return GuardApi.json(response.body());
    }

    /** A task the declared input schema refuses: 422, every problem named with its field. */
    private String refusedTask(String type, String config) throws Exception {
        HttpResponse<String> response = Http.send("POST", base + "/api/v1/plugins/dashboard/tasks", key, "application/json",
                BodyPublishers.ofString("{\"type\":\"" + type + "\",\"config\":" + config + "}"));
        assertEquals(422, response.statusCode(), response.body());
        return GuardApi.json(response.body()).path("error").path("details").path("problems").toString();
    }

    private long createDashboard(String name) throws Exception {
        JsonNode created = task("create_dashboard", """
                {"name":"%s","time_range":"15m","widgets":[
                  {"type":"line","data_source":"requests","plugin":"hello","title":"Hello requests"},
                  {"type":"stat","data_source":"heap_used_bytes"},
                  {"type":"gauge","data_source":"cpu_load"},
                  {"type":"table","data_source":"latency_p95_ms"}]}""".formatted(name));
        assertTrue(created.path("success").asBoolean(), created.toString());
        return created.path("data").path("dashboard_id").asLong();
    }

    @Test
    void createDashboardPersistsItAndNamesEveryProblemOfABadConfig() throws Exception {
        JsonNode created = task("create_dashboard", """
                {"name":"Operations","widgets":[{"type":"bar","data_source":"errors"}]}""");
        assertTrue(created.path("success").asBoolean(), created.toString());
        long id = created.path("data").path("dashboard_id").asLong();
        assertEquals("Operations", created.path("data").path("dashboard_name").asText());
        assertEquals("/api/v1/dashboard/ui/?dashboard=" + id, created.path("data").path("url").asText());
        JsonNode stored = GuardApi.json(Http.get(base + "/api/v1/dashboard/dashboards/" + id, key).body());
        assertEquals("errors", stored.path("widgets").get(0).path("data_source").asText());

        // the declared input schema refuses what it can see (422, each field named) ...
        String refused = refusedTask("create_dashboard", """
                {"name":"","widgets":[{"type":"pie","data_source":"requests"},{"type":"line","data_source":"bogus"}]}""");
        assertTrue(refused.contains("config.name") && refused.contains("config.widgets[0].type"), refused);
        assertTrue(refused.contains("histogram"), "the allowed widget types are named: " + refused);
        // ... and the plugin what it alone knows, every problem at once
        JsonNode bad = task("create_dashboard", """
                {"name":"x","widgets":[{"type":"line","data_source":"bogus"},{"type":"bar","data_source":"nothing"}]}""");
        assertFalse(bad.path("success").asBoolean());
        assertEquals("invalid_config", bad.path("error_code").asText());
        assertEquals("low", bad.path("severity").asText());
        String error = bad.path("error").asText();
        for (String field : List.of("config.widgets[0].data_source", "config.widgets[1].data_source")) {
            assertTrue(error.contains(field), field + " named in: " + error);
        }
        assertEquals(2, bad.path("data").path("problems").size(), bad.toString());
    }

    @Test
    void dashboardsAreListedUpdatedAndDeletedOverRest() throws Exception {
        long id = createDashboard("Crud");
        String url = base + "/api/v1/dashboard/dashboards";
        JsonNode list = GuardApi.json(Http.get(url, key).body());
        assertTrue(list.path("total").asInt() >= 1);
        HttpResponse<String> updated = Http.send("PUT", url + "/" + id, key, "application/json", BodyPublishers.ofString(
                "{\"name\":\"Crud renamed\",\"widgets\":[{\"type\":\"stat\",\"data_source\":\"threads\"}]}"));
        assertEquals(200, updated.statusCode(), updated.body());
        assertEquals("Crud renamed", GuardApi.json(updated.body()).path("name").asText());
        HttpResponse<String> invalid = Http.send("PUT", url + "/" + id, key, "application/json", BodyPublishers.ofString(
                "{\"name\":\"x\",\"widgets\":[{\"type\":\"stat\",\"data_source\":\"threads\",\"time_range\":\"2y\"}]}"));
        assertEquals(400, invalid.statusCode(), invalid.body());
        JsonNode error = GuardApi.json(invalid.body()).path("error");
        assertEquals("body.widgets[0].time_range", error.path("details").path("problems").get(0).path("field").asText());
        assertTrue(error.path("message").asText().contains("allowed: 15m, 1h, 24h, 7d"), invalid.body());
        assertEquals("Crud renamed", GuardApi.json(Http.get(url + "/" + id, key).body()).path("name").asText(),
                "a refused update changes nothing");
        assertEquals(400, Http.get(url + "/abc", key).statusCode());
        assertEquals(204, Http.send("DELETE", url + "/" + id, key, null, null).statusCode());
        HttpResponse<String> gone = Http.get(url + "/" + id, key);
        assertEquals(404, gone.statusCode());
        assertEquals("not_found", GuardApi.json(gone.body()).path("error").path("code").asText());
    }

    @Test
    void dashboardDataHoldsTheSampledTraffic() throws Exception {
        long id = createDashboard("Data");
        HttpResponse<String> response = Http.get(base + "/api/v1/dashboard/dashboards/" + id + "/data", key);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode widgets = GuardApi.json(response.body()).path("widgets");
        assertEquals(4, widgets.size());
        JsonNode requests = widgets.get(0);
        assertEquals("hello", requests.path("series").get(0).path("plugin").asText());
        double total = 0;
        for (JsonNode point : requests.path("series").get(0).path("points")) {
            total += point.get(1).asDouble();
        }
        assertTrue(total >= 25, "the sampled increases add up to the requests made (31, minus at most those before the first sample): " + total);
        assertTrue(widgets.get(1).path("current").asDouble() > 1_000_000, "heap in use: " + widgets.get(1));
        // each widget names its metric's unit, so a page can show bytes as MiB and ratios as %
        assertEquals("count", requests.path("unit").asText());
        assertEquals("bytes", widgets.get(1).path("unit").asText(), widgets.get(1).toString());
    }

    @Test
    void theMetricsAWidgetMayShowAreListedWithTheirUnits() throws Exception {
        HttpResponse<String> response = Http.get(base + "/api/v1/dashboard/metrics", key);
        assertEquals(200, response.statusCode(), response.body());
        JsonNode list = GuardApi.json(response.body());
        assertEquals(list.path("items").size(), list.path("total").asInt());
        JsonNode heap = null;
        for (JsonNode item : list.path("items")) {
            if (item.path("name").asText().equals("heap_used_bytes")) {
                heap = item;
            }
        }
        assertTrue(heap != null, "heap_used_bytes is listed: " + list);
        assertEquals("bytes", heap.path("unit").asText());
        assertFalse(heap.path("per_plugin").asBoolean(), "a system metric");
    }

    @Test
    void reportsOfEveryTypeCarryFiguresChartsAndRules() throws Exception {
        for (String type : List.of("summary", "plugin", "llm", "jobs")) {
            JsonNode report = task("generate_report", "{\"type\":\"" + type + "\",\"time_range\":\"1h\"}");
            assertTrue(report.path("success").asBoolean(), report.toString());
            JsonNode data = report.path("data");
            assertEquals(type, data.path("type").asText());
            assertFalse(data.path("title").asText().isBlank());
            assertFalse(data.path("generated_at").asText().isBlank());
            assertTrue(data.path("summary").path("requests").asLong() >= 25, data.path("summary").toString());
            assertTrue(data.path("charts").size() >= 3, data.path("charts").toString());
            assertTrue(data.path("rules").size() >= 5);
            assertTrue(data.path("recommendations").isArray());
            // no LLM provider is configured: the report is complete without its narrative
            assertTrue(data.path("narrative").isMissingNode(), data.path("narrative").toString());
            assertFalse(data.path("narrative_status").asText().isBlank());
            boolean hello = false;
            for (JsonNode plugin : data.path("plugins")) {
                if (plugin.path("plugin").asText().equals("hello")) {
                    hello = true;
                    assertTrue(plugin.path("requests").asLong() >= 25);
                    assertEquals(30_000, plugin.path("timeout_ms").asLong(), plugin.toString());
                }
            }
            assertTrue(hello, data.path("plugins").toString());
        }
        String bad = refusedTask("generate_report", "{\"type\":\"weekly\",\"time_range\":\"1y\"}");
        assertTrue(bad.contains("config.type") && bad.contains("config.time_range"), bad);
        assertTrue(bad.contains("summary") && bad.contains("24h"), "the allowed values are named: " + bad);
    }

    @Test
    void xlsxExportsAreRealWorkbooksCheckedCellByCell() throws Exception {
        JsonNode export = task("export_data", "{\"format\":\"xlsx\",\"data_type\":\"metrics\",\"time_range\":\"15m\","
                + "\"metrics\":[\"requests\"],\"plugin\":\"hello\"}");
        assertTrue(export.path("success").asBoolean(), export.toString());
        JsonNode data = export.path("data");
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data.path("content_type").asText());
        assertTrue(data.path("file_name").asText().endsWith(".xlsx"));
        byte[] xlsx = Base64.getDecoder().decode(data.path("content_base64").asText());
        assertEquals(data.path("size_bytes").asInt(), xlsx.length);
        double total = 0;
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Sheet> sheets = workbook.getSheets().toList();
            assertEquals(List.of("requests hello"), sheets.stream().map(Sheet::getName).toList());
            List<Row> rows = sheets.get(0).read();
            assertEquals(List.of("time", "value", "min", "max", "samples"), rows.get(0).stream().map(c -> c.asString()).toList());
            assertTrue(rows.size() > 2, "a row per sample: " + rows.size());
            for (Row row : rows.subList(1, rows.size())) {
                assertEquals(CellType.NUMBER, row.getCell(0).getType(), "time is a date cell");
                assertTrue(row.getCell(0).asDate().getYear() >= 2025);
                for (int c = 1; c <= 4; c++) {
                    assertEquals(CellType.NUMBER, row.getCell(c).getType(), "column " + c + " is a number");
                }
                assertTrue(row.getCell(3).asNumber().compareTo(row.getCell(2).asNumber()) >= 0, "max >= min");
                assertEquals(0, row.getCell(4).asNumber().compareTo(BigDecimal.ONE), "raw points hold one sample");
                total += row.getCell(1).asNumber().doubleValue();
            }
        }
        assertTrue(total >= 25, "the workbook's increases add up to the traffic: " + total);

        // the same file from the download endpoint
        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + data.path("download_url").asText())).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                download.headers().firstValue("Content-Type").orElse(""));
        assertTrue(download.headers().firstValue("Content-Disposition").orElse("").matches(
                "attachment; filename=\"dashboard-metrics-\\d{8}-\\d{6}\\.xlsx\""), download.headers().map().toString());
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(download.body()))) {
            assertEquals("requests hello", workbook.getFirstSheet().getName());
        }
    }

    @Test
    void csvAndJsonExportsOfDashboardsAndReports() throws Exception {
        createDashboard("Exported");
        JsonNode csv = task("export_data", "{\"format\":\"csv\",\"data_type\":\"dashboards\"}");
        assertTrue(csv.path("success").asBoolean(), csv.toString());
        String text = new String(Base64.getDecoder().decode(csv.path("data").path("content_base64").asText()), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("dashboards\r\nid,name,description,time_range,widgets,created_at,updated_at\r\n"), text);
        assertTrue(text.contains(",Exported,,15m,4,"), text);
        JsonNode json = task("export_data", "{\"format\":\"json\",\"data_type\":\"report\",\"report_type\":\"summary\"}");
        JsonNode report = GuardApi.json(new String(Base64.getDecoder().decode(json.path("data").path("content_base64").asText()),
                StandardCharsets.UTF_8));
        assertTrue(report.path("summary").isArray() && report.path("plugins").isArray(), report.toString());
        HttpResponse<String> download = Http.get(base + "/api/v1/dashboard/export?format=csv&data_type=metrics&metrics=threads", key);
        assertEquals(200, download.statusCode(), download.body());
        assertEquals("text/csv;charset=utf-8", download.headers().firstValue("Content-Type").orElse("").toLowerCase().replace(" ", ""));
        assertTrue(download.body().startsWith("time,value,min,max,samples\r\n"), download.body());

        String bad = refusedTask("export_data", "{\"format\":\"pdf\",\"data_type\":\"everything\",\"metrics\":[\"nope\"]}");
        assertTrue(bad.contains("config.format") && bad.contains("config.data_type"), bad);
        // what the schema cannot know, the plugin checks: a metric name it does not have
        JsonNode unknownMetric = task("export_data", "{\"format\":\"csv\",\"data_type\":\"metrics\",\"metrics\":[\"nope\"]}");
        assertFalse(unknownMetric.path("success").asBoolean());
        assertTrue(unknownMetric.path("error").asText().contains("config.metrics 'nope'"), unknownMetric.toString());
        HttpResponse<String> badDownload = Http.get(base + "/api/v1/dashboard/export?format=doc&data_type=metrics", key);
        assertEquals(400, badDownload.statusCode());
        assertEquals("format", GuardApi.json(badDownload.body()).path("error").path("details").path("problems").get(0).path("field").asText());
    }

    @Test
    void getMetricsAnswersTheRequestedGroupsAndUndeclaredTasksAreRefused() throws Exception {
        JsonNode metrics = task("get_metrics", "{\"types\":[\"system\",\"plugins\"]}");
        assertTrue(metrics.path("success").asBoolean(), metrics.toString());
        assertTrue(metrics.path("data").path("system").path("heap_used_bytes").asDouble() > 0);
        assertTrue(metrics.path("data").path("system").path("active_plugins").asInt() >= 2);
        assertTrue(metrics.path("data").path("plugins").path("hello").path("requests").asDouble() >= 25, metrics.toString());
        assertTrue(metrics.path("data").path("llm").isMissingNode());
        JsonNode all = task("get_metrics", "{}");
        assertTrue(all.path("data").has("jobs") && all.path("data").has("llm"), all.toString());
        String bad = refusedTask("get_metrics", "{\"types\":[\"disk\"]}");
        assertTrue(bad.contains("config.types") && bad.contains("system"), bad);

        // the plugin declares its tasks: the platform refuses another before the plugin sees it
        HttpResponse<String> unknown = Http.send("POST", base + "/api/v1/plugins/dashboard/tasks", key, "application/json",
                BodyPublishers.ofString("{\"type\":\"make_coffee\",\"config\":{}}"));
        assertEquals(422, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("has no task 'make_coffee' (allowed: create_dashboard, generate_report, export_data,"
                + " get_metrics)"), unknown.body());
    }

    @Test
    void theEventStreamPushesFreshDataToARealClient() throws Exception {
        long id = createDashboard("Live");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/dashboard/dashboards/" + id + "/events"))
                .header("Authorization", "Bearer " + key).header("Accept", "text/event-stream").build();
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
        List<JsonNode> events = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String event = null;
            for (String line = lines.readLine(); line != null && events.size() < 2; line = lines.readLine()) {
                if (line.startsWith("event:")) {
                    event = line.substring(6).strip();
                } else if (line.startsWith("data:") && "data".equals(event)) {
                    events.add(GuardApi.json(line.substring(5).strip()));
                }
            }
        }
        assertEquals(2, events.size(), "the first event at once, the second after the sampling interval");
        assertEquals(id, events.get(0).path("dashboard_id").asLong());
        assertEquals(4, events.get(1).path("widgets").size());
        assertFalse(events.get(0).path("generated_at").asText().equals(events.get(1).path("generated_at").asText()));
    }

    @Test
    void theMetricsServiceIsRefusedToPluginsWithoutMetricsRead() throws Exception {
        Path deploy = home.resolve("deploy");
        MisbehavingPlugin sandboxed = DashboardPlugins.referencesMetricsWithoutPermission();
        MisbehavingPlugin trusted = DashboardPlugins.trustedWithoutMetricsPermission();
        sandboxed.writeInto(deploy);
        trusted.writeInto(deploy);
        Map<String, JsonNode> records = api.awaitSettled(List.of(sandboxed.fileName(), trusted.fileName()), WAIT);
        JsonNode refused = records.get(sandboxed.fileName());
        assertEquals("rejected", refused.path("state").asText(), refused.toString());
        assertTrue(refused.path("reason").asText().contains("org.aibase.api.metrics.MetricsService"), refused.toString());
        assertTrue(refused.path("reason").asText().contains("without permission 'metrics.read'"), refused.toString());

        assertEquals("active", records.get(trusted.fileName()).path("state").asText(), records.get(trusted.fileName()).toString());
        HttpResponse<String> probe = Http.await(base + "/api/v1/trusted_probe/probe", key, r -> r.statusCode() == 200, WAIT);
        assertEquals(200, probe.statusCode(), probe.body());
        assertFalse(GuardApi.json(probe.body()).path("bound").asBoolean(),
                "the facade refuses a plugin without metrics.read even when it sees every service: " + probe.body());
    }
}
