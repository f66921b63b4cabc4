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
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards that act before a plugin's code runs, over the real runtime: test plugins that each try
 * one thing the sandbox forbids are dropped into deploy/ of a running launcher; the validator rejects
 * each, wiring the resolver hook would refuse included (the hook itself is shown by the sandbox's
 * PluginWiringTest and GuardFragmentIT), and each refusal names what was refused. hello keeps
 * answering throughout.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardDeployIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    static Path home;

    private RunningLauncher launcher;
    private GuardApi api;
    private Map<String, JsonNode> records;

    @BeforeAll
    void dropMisbehavingPluginsIntoRunningLauncher() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
        assertHelloAnswers();

        List<MisbehavingPlugin> plugins = List.of(
                MisbehavingPlugins.referencesConfigAdmin(),
                MisbehavingPlugins.referencesFilesWithoutPermission(),
                MisbehavingPlugins.exportsPlatformPackage(),
                MisbehavingPlugins.runtimeExec(),
                MisbehavingPlugins.rawSocket(),
                MisbehavingPlugins.systemExit(),
                MisbehavingPlugins.systemGetenv(),
                MisbehavingPlugins.newThread(),
                MisbehavingPlugins.filesWrite(),
                MisbehavingPlugins.importing("imports_jetty", "org.eclipse.jetty.server"),
                MisbehavingPlugins.importing("imports_scr", "org.apache.felix.scr.component"),
                MisbehavingPlugins.importing("imports_framework", "org.osgi.framework"),
                MisbehavingPlugins.requiringBundle("requires_scr", "org.apache.felix.scr"),
                MisbehavingPlugins.fragmentOf("fragment_of_rest", "org.aibase.rest"));
        Path deploy = home.resolve("deploy");
        for (MisbehavingPlugin plugin : plugins) {
            plugin.writeInto(deploy);
        }
        records = api.awaitSettled(plugins.stream().map(MisbehavingPlugin::fileName).toList(), WAIT);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    // ---- validator: DS references to services the plugin is not granted ----

    @Test
    void referenceToConfigAdminIsRejectedNamingTheReference() {
        assertRefused("wants_config_admin", "rejected",
                "component org.example.misbehaving.wants_config_admin.Snoop references org.osgi.service.cm.ConfigurationAdmin"
                        + " (reference 'configAdmin'), a service plugins are not granted");
    }

    @Test
    void optionalDynamicReferenceToFilesWithoutPermissionIsRejected() {
        assertRefused("wants_files", "rejected",
                "references org.aibase.api.files.PluginFiles (reference 'files'), without permission 'files'");
    }

    // ---- validator: exports ----

    @Test
    void exportOfAPlatformPackageIsRejected() {
        assertRefused("exports_api", "rejected", "exports org.aibase.api.x, a platform package");
    }

    // ---- validator: bytecode scan, one plugin per denied API ----

    @Test
    void runtimeExecIsRejected() {
        assertDeniedApi("uses_exec", "java.lang.Runtime.exec");
    }

    @Test
    void rawSocketIsRejected() {
        assertDeniedApi("uses_socket", "new java.net.Socket");
    }

    @Test
    void systemExitIsRejected() {
        assertDeniedApi("uses_exit", "java.lang.System.exit");
    }

    @Test
    void systemGetenvIsRejected() {
        assertDeniedApi("uses_getenv", "java.lang.System.getenv");
    }

    @Test
    void newThreadIsRejected() {
        assertDeniedApi("uses_thread", "new java.lang.Thread");
    }

    @Test
    void filesWriteIsRejected() {
        assertDeniedApi("uses_files", "java.nio.file.Files.write");
    }

    // ---- validator: the wiring the resolver hook would refuse, refused before installation ----

    @Test
    void importOfJettyIsRejected() {
        assertRefused("imports_jetty", "rejected", "imports org.eclipse.jetty.server, which a sandbox plugin may not wire to");
    }

    @Test
    void importOfScrPackageIsRejected() {
        assertRefused("imports_scr", "rejected", "imports org.apache.felix.scr.component, which a sandbox plugin may not wire to");
    }

    @Test
    void importOfTheFrameworkApiIsRejected() {
        assertRefused("imports_framework", "rejected", "imports org.osgi.framework, which a sandbox plugin may not wire to");
    }

    @Test
    void requireBundleIsRejected() {
        assertRefused("requires_scr", "rejected", "requires bundle org.apache.felix.scr; Require-Bundle wires to everything");
    }

    @Test
    void fragmentOfAPlatformBundleIsReportedFailedWithAReason() {
        JsonNode record = record("fragment_of_rest");
        String state = record.path("state").asText();
        assertTrue(Set.of("failed", "rejected").contains(state), "a fragment of org.aibase.rest is refused (attachment itself: GuardFragmentIT): " + record);
        assertFalse(record.path("reason").asText().isBlank(), "the refusal has a reason: " + record);
    }

    // ---- and the runtime is unharmed ----

    @Test
    void helloStillAnswersAndTheRuntimeIsHealthy() throws Exception {
        assertHelloAnswers();
        HttpResponse<String> health = Http.get(api.url("/health"));
        assertEquals(200, health.statusCode(), health.body());
        JsonNode hello = api.recordsByFile().get("hello.jar");
        assertEquals("active", hello.path("state").asText(), String.valueOf(hello));
    }

    private void assertHelloAnswers() throws Exception {
        HttpResponse<String> greeting = Http.await(api.url("/hello/greeting?name=Ada"), api.key(),
                r -> r.statusCode() == 200, WAIT);
        assertEquals(200, greeting.statusCode(), greeting.body());
        assertEquals("{\"message\":\"Hello, Ada!\"}", greeting.body());
    }

    private void assertDeniedApi(String id, String api) {
        String evil = MisbehavingPlugins.evilClass(id);
        assertRefused(id, "rejected", evil.replace('.', '/') + ".class: " + evil + ".run() uses " + api);
    }

    private void assertRefused(String id, String expectedState, String reasonMentions) {
        JsonNode record = record(id);
        assertEquals(expectedState, record.path("state").asText(), id + ": " + record);
        assertTrue(record.path("reason").asText().contains(reasonMentions),
                id + " reason names '" + reasonMentions + "': " + record.path("reason").asText());
    }

    private JsonNode record(String id) {
        JsonNode record = records.get(id + ".jar");
        assertNotNull(record, id + ".jar is listed: " + records.keySet());
        return record;
    }

}
