package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plugin that is a fragment of a platform bundle ({@code Fragment-Host: org.aibase.rest}) never
 * joins that bundle's class loader. A fragment attaches when its host resolves, and the host is
 * resolved long before a plugin arrives, so the real test is the next start: the framework resolves
 * every bundle again from its cache, and the resolver hook must keep the fragment away from its host.
 * Attachment is read from the Web Console's bundle details (the fragment's state and host list).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GuardFragmentIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    private final MisbehavingPlugin fragment = MisbehavingPlugins.fragmentOf("fragment_of_rest", "org.aibase.rest");
    private RunningLauncher launcher;
    private GuardApi api;

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.close();
        }
    }

    @Test
    @Order(1)
    void aFragmentDroppedWhileRunningIsRejectedAndNeverInstalled() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
        fragment.writeInto(home.resolve("deploy"));
        assertRejectedAndNotAttached(api.awaitSettled(List.of(fragment.fileName()), WAIT).get(fragment.fileName()));
    }

    @Test
    @Order(2)
    void itStaysOutAfterARestart() throws Exception {
        restart();
        assertRejectedAndNotAttached(fragmentRecordAfterRestart());
        HttpResponse<String> greeting = Http.get(api.url("/hello/greeting?name=Ada"), api.key());
        assertEquals(200, greeting.statusCode(), greeting.body());
    }

    private void assertRejectedAndNotAttached(JsonNode record) throws Exception {
        assertEquals("rejected", record.path("state").asText(), record.toString());
        assertTrue(record.path("reason").asText().contains("Fragment-Host"), record.toString());
        assertTrue(record.path("bundle_id").isNull(), "never installed: " + record);
        JsonNode rest = consoleBundle("org.aibase.rest");
        assertFalse(rest.toString().contains("fragment_of_rest"), "org.aibase.rest has no fragment of the plugin: " + rest);
    }

    private void restart() throws Exception {
        assertNotNull(launcher, "the first launcher ran");
        assertEquals(0, launcher.terminate(Duration.ofSeconds(15)), String.join("\n", launcher.output()));
        launcher.close();
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
    }

    private JsonNode fragmentRecordAfterRestart() throws Exception {
        Map<String, JsonNode> records = api.awaitSettled(List.of("hello.jar"), WAIT);
        JsonNode record = api.recordsByFile().get(fragment.fileName());
        assertNotNull(record, "the fragment is still listed after the restart: " + records.keySet());
        return record;
    }

    private JsonNode consoleBundle(String idOrName) throws Exception {
        HttpResponse<String> response = Http.get(launcher.baseUrl() + "/system/console/bundles/" + idOrName + ".json",
                launcher.credential("console.username"), launcher.credential("console.password"));
        assertEquals(200, response.statusCode(), response.body());
        JsonNode data = GuardApi.json(response.body()).path("data");
        assertEquals(1, data.size(), response.body());
        return data.get(0);
    }
}
