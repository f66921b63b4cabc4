package org.aibase.plugin.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.core.Response;

import org.aibase.api.http.HttpError;
import org.aibase.api.plugin.TaskRequest;
import org.aibase.api.plugin.TaskResult;

import org.aibase.plugin.analytics.internal.AnalysisSettings;
import org.aibase.plugin.analytics.internal.frame.DatasetLimits;
import org.aibase.plugin.analytics.internal.jobs.AnalysisQueue;
import org.aibase.plugin.analytics.internal.jobs.DatasetStore;
import org.junit.jupiter.api.Test;

/**
 * Validation of {@code POST /analyze} and the job listing, on the resource constructed directly.
 * The queue and the store are recording stand-ins (their real bindings to the job and persistence
 * services are exercised end to end by the runtime's AnalyticsIT): these tests prove what is
 * refused and what reaches them.
 */
class AnalyticsResourceTest {

    private final RecordingQueue queue = new RecordingQueue();
    private final MemoryStore store = new MemoryStore();
    private final AnalysisIntake intake = new AnalysisIntake(configuration(1000, 5, 100_000), queue, store);
    private final AnalyticsResource resource = new AnalyticsResource(intake, queue, (format, tables) -> (format.id() + ":" + tables.size()).getBytes(StandardCharsets.UTF_8));

    private static ByteArrayInputStream body(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The response of a call, or the platform's answer for the HttpError it threw. */
    private static Response answer(java.util.function.Supplier<Response> call) {
        try {
            return call.get();
        } catch (HttpError e) {
            return Response.status(e.status()).entity(Map.of("error",
                    Map.of("code", e.code(), "message", e.getMessage(), "details", e.details()))).build();
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> error(Response r) {
        return (Map<String, Object>) ((Map<String, Object>) r.getEntity()).get("error");
    }

    @SuppressWarnings("unchecked")
    private static String field(Response r) {
        return (String) ((Map<String, Object>) error(r).get("details")).get("field");
    }

    @Test
    void aValidJsonBodyIsStoredAndQueuedWithItsOverrides() {
        Response r = answer(() -> resource.analyzeJson(body("{\"name\":\"sales\",\"records\":[{\"a\":1},{\"a\":2}],"
                + "\"config\":{\"analysis_depth\":\"basic\",\"max_data_points\":50}}")));
        assertEquals(202, r.getStatus());
        assertEquals("pending", ((Map<?, ?>) r.getEntity()).get("status"));
        assertEquals(new AnalysisSettings("basic", true, "default", 0.3, 50), queue.settings.get(0));
        assertEquals("application/json", store.datasets.values().iterator().next().mediaType());
    }

    @Test
    void badJsonBodiesAreRefusedNamingTheField() {
        Response unknown = answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[{\"a\":1}],\"config\":{\"max_dataset_size\":5,\"foo\":1}}")));
        assertEquals(422, unknown.getStatus());
        assertTrue(error(unknown).get("message").toString().contains("max_dataset_size, foo"), error(unknown).toString());
        Response longName = answer(() -> resource.analyzeJson(body("{\"name\":\"" + "n".repeat(101) + "\",\"records\":[{\"a\":1}]}")));
        assertEquals(422, longName.getStatus());
        assertEquals("name", field(longName));
        Response notObjects = answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[1,2]}")));
        assertEquals("records[0]", field(notObjects));
        Response temperature = answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[{\"a\":1}],\"config\":{\"temperature\":\"hot\"}}")));
        assertEquals("config.temperature", field(temperature));
        Response columns = answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[{\"a\":1,\"b\":1,\"c\":1,\"d\":1,\"e\":1,\"f\":1}]}")));
        assertEquals(413, columns.getStatus());
        assertTrue(error(columns).get("message").toString().contains("max_columns = 5"));
        assertTrue(queue.settings.isEmpty(), "nothing invalid is queued");
        assertTrue(store.datasets.isEmpty(), "nothing invalid is stored");
    }

    @Test
    void bodiesOverTheLimitAre413() {
        Response r = answer(() -> resource.analyzeCsv("big", body("a\n" + "1\n".repeat(60_000))));
        assertEquals(413, r.getStatus());
        assertEquals("body_too_large", error(r).get("code"));
        assertTrue(error(r).get("message").toString().contains("max_body_bytes = 100000"));
    }

    @Test
    void aCellLongerThanMaxCellCharsIs413NamingItsPlaceAndTheLimit() {
        String longText = "x".repeat(1001);
        Response csv = answer(() -> resource.analyzeCsv("notes", body("a,b\n1,short\n2," + longText + "\n")));
        assertEquals(413, csv.getStatus());
        assertEquals("cell_too_large", error(csv).get("code"));
        assertEquals("line 3, column 'b'", field(csv));
        assertTrue(error(csv).get("message").toString().contains("1001 characters, more than max_cell_chars = 1000"),
                error(csv).toString());
        Response header = answer(() -> resource.analyzeCsv("notes", body("a," + longText + "\n1,2\n")));
        assertEquals("line 1, column 2", field(header));
        Response json = answer(() -> resource.analyzeJson(body("{\"name\":\"n\",\"records\":[{\"a\":1},{\"a\":\"" + longText + "\"}]}")));
        assertEquals(413, json.getStatus());
        assertEquals("records[1].a", field(json));
        Response nested = answer(() -> resource.analyzeJson(body("{\"name\":\"n\",\"records\":[{\"a\":[\"" + longText + "\"]}]}")));
        assertEquals("records[0].a", field(nested));
        assertTrue(store.datasets.isEmpty(), "nothing too large is stored");
        assertTrue(queue.settings.isEmpty(), "nothing too large is queued");
    }

    @Test
    void aDatasetWhoseResultCouldOutgrowMaxResultBytesIs413() {
        AnalyticsResource small = new AnalyticsResource(
                new AnalysisIntake(configuration(1000, 10, 100_000, 1000, 20_000), queue, store), queue, (format, tables) -> new byte[0]);
        StringBuilder csv = new StringBuilder("a,b,c,d,e\n");
        for (int row = 0; row < 6; row++) {
            String cell = (row + "-").repeat(450);
            csv.append(String.join(",", cell, cell, cell, cell, cell)).append('\n');
        }

        Response r = answer(() -> small.analyzeCsv("wide", body(csv.toString())));

        assertEquals(413, r.getStatus());
        assertEquals("result_too_large", error(r).get("code"));
        assertEquals("body", field(r));
        assertTrue(error(r).get("message").toString().contains("more than max_result_bytes = 20000 (allowed: at most 20000"),
                error(r).toString());
        assertTrue(store.datasets.isEmpty());
        assertEquals(202, answer(() -> small.analyzeCsv("narrow", body("a,b\n1,x\n"))).getStatus(), "a small result fits");
    }

    @Test
    void csvAndMultipartUploadsAreAccepted() {
        assertEquals(202, answer(() -> resource.analyzeCsv("sales", body("a,b\n1,x\n2,y\n"))).getStatus());
        assertEquals("name", field(answer(() -> resource.analyzeCsv(null, body("a\n1\n")))));
        String multipart = "--XYZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"q3.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + "a,b\n1,x\n\r\n--XYZ\r\nContent-Disposition: form-data; name=\"config\"\r\n\r\n{\"generate_charts\":false}\r\n--XYZ--\r\n";
        Response r = answer(() -> resource.analyzeUpload("multipart/form-data; boundary=XYZ", body(multipart)));
        assertEquals(202, r.getStatus(), String.valueOf(r.getEntity()));
        assertEquals("q3", ((Map<?, ?>) r.getEntity()).get("name"));
        assertEquals(false, queue.settings.get(1).generateCharts());
        assertEquals("a,b\n1,x\n", new String(store.datasets.get("d2").body(), StandardCharsets.UTF_8));
    }

    @Test
    void jobListingValidatesPagingAndReportsTheRealTotal() {
        for (int i = 0; i < 3; i++) {
            resource.analyzeJson(body("{\"name\":\"n" + i + "\",\"records\":[{\"a\":1}]}"));
        }
        Response page = answer(() -> resource.jobs("1", "1"));
        assertEquals(3L, ((Map<?, ?>) page.getEntity()).get("total"));
        assertEquals(1, ((List<?>) ((Map<?, ?>) page.getEntity()).get("jobs")).size());
        assertEquals("limit", field(answer(() -> resource.jobs("0", "1000"))));
        assertEquals("skip", field(answer(() -> resource.jobs("-1", null))));
        assertEquals(404, answer(() -> resource.job("nope")).getStatus());
        assertEquals(204, answer(() -> resource.delete("j1")).getStatus());
        assertEquals(404, answer(() -> resource.delete("j1")).getStatus());
    }

    @Test
    void configurationChangesApplyToTheNextRequest() {
        intake.modified(configuration(1, 5, 100_000));
        Response r = answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[{\"a\":1},{\"a\":2}]}")));
        assertEquals(413, r.getStatus());
        assertTrue(error(r).get("message").toString().contains("max_dataset_size = 1"));
    }

    @Test
    void theAnalyzeTaskQueuesWhatPostAnalyzeQueuesAndNamesTheFieldItRefuses() {
        AnalyticsTasks tasks = new AnalyticsTasks(intake);
        TaskResult queued = tasks.execute(new TaskRequest("analyze", Map.of("name", "sales",
                "records", List.of(Map.of("a", 1), Map.of("a", 2)), "config", Map.of("analysis_depth", "basic"))));
        assertTrue(queued.success(), () -> queued.error().orElse(""));
        assertEquals(Optional.of("j1"), queued.jobId());
        assertEquals("sales", queued.data().get("name"));
        assertEquals("basic", queue.settings.get(0).analysisDepth());

        TaskResult refused = tasks.execute(new TaskRequest("analyze", Map.of("name", "x",
                "records", List.of(Map.of("a", 1)), "config", Map.of("temperature", 9))));
        assertFalse(refused.success());
        assertTrue(refused.error().orElse("").contains("temperature"), () -> refused.error().orElse(""));
        assertFalse(tasks.execute(new TaskRequest("nope", Map.of())).success());
    }

    @Test
    void anExportNamesItsFormatOrTheJobsStateOrItsFile() {
        Response bad = answer(() -> resource.exportResult("j1", "pdf"));
        assertEquals(400, bad.getStatus());
        assertEquals("format", field(bad));
        assertTrue(error(bad).get("message").toString().contains("allowed: csv, json, xlsx"), error(bad).toString());
        assertEquals(400, answer(() -> resource.exportResult("j1", null)).getStatus());
        assertEquals(404, answer(() -> resource.exportResult("nope", "csv")).getStatus());

        answer(() -> resource.analyzeJson(body("{\"name\":\"x\",\"records\":[{\"a\":1}]}")));
        Response pending = answer(() -> resource.exportResult("j1", "csv"));
        assertEquals(409, pending.getStatus());
        assertEquals("no_result", error(pending).get("code"));

        AnalysisQueue.JobView job = queue.jobs.get("j1");
        queue.jobs.put("j1", new AnalysisQueue.JobView("j1", "x", "completed", 100, "", job.createdAt(), null, null, null,
                Map.of("row_count", 1)));
        Response file = answer(() -> resource.exportResult("j1", "XLSX"));
        assertEquals(200, file.getStatus());
        assertEquals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.getMediaType().toString());
        assertEquals("attachment; filename=\"analysis-j1.xlsx\"", file.getHeaderString("Content-Disposition"));
        assertEquals("xlsx:4", new String((byte[]) file.getEntity(), StandardCharsets.UTF_8), "four tables reached the export");
    }

    static AnalyticsConfiguration configuration(int rows, int columns, long bodyBytes) {
        return configuration(rows, columns, bodyBytes, 1000, 1_000_000);
    }

    static AnalyticsConfiguration configuration(int rows, int columns, long bodyBytes, int cellChars, long resultBytes) {
        return new AnalyticsConfiguration() {
            @Override public Class<? extends Annotation> annotationType() { return AnalyticsConfiguration.class; }
            @Override public int max__data__points() { return 10000; }
            @Override public String analysis__depth() { return "detailed"; }
            @Override public boolean generate__charts() { return true; }
            @Override public String llm__model() { return "default"; }
            @Override public double temperature() { return 0.3; }
            @Override public int max__dataset__size() { return rows; }
            @Override public int max__columns() { return columns; }
            @Override public long max__body__bytes() { return bodyBytes; }
            @Override public int max__cell__chars() { return cellChars; }
            @Override public long max__result__bytes() { return resultBytes; }
        };
    }

    static final class MemoryStore implements DatasetStore {
        final Map<String, StoredDataset> datasets = new HashMap<>();

        @Override public String put(String name, String mediaType, byte[] body) {
            String id = "d" + (datasets.size() + 1);
            datasets.put(id, new StoredDataset(id, name, mediaType, body));
            return id;
        }
        @Override public Optional<StoredDataset> get(String id) { return Optional.ofNullable(datasets.get(id)); }
        @Override public boolean delete(String id) { return datasets.remove(id) != null; }
    }

    static final class RecordingQueue implements AnalysisQueue {
        final List<AnalysisSettings> settings = new ArrayList<>();
        final Map<String, JobView> jobs = new java.util.LinkedHashMap<>();

        @Override public String submit(String datasetId, String name, AnalysisSettings s, DatasetLimits limits) {
            settings.add(s);
            JobView job = new JobView("j" + settings.size(), name, "pending", 0, "", Instant.now(), null, null, null, null);
            jobs.put(job.jobId(), job);
            return job.jobId();
        }
        @Override public Optional<JobView> job(String id) { return Optional.ofNullable(jobs.get(id)); }
        @Override public Page jobs(int skip, int limit) {
            return new Page(jobs.values().stream().skip(skip).limit(limit).toList(), jobs.size());
        }
        @Override public Totals totals() { return new Totals(jobs.size(), 0, 0, jobs.size(), 0, 0); }
        @Override public boolean delete(String id) { return jobs.remove(id) != null; }
    }
}
