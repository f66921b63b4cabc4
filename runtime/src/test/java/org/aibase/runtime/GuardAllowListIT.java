package org.aibase.runtime;

import static org.aibase.runtime.MisbehavingPlugins.endpoint;
import static org.aibase.runtime.MisbehavingPlugins.pkg;
import static org.aibase.runtime.MisbehavingPlugins.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The verification by allow-list over the real runtime and the {@code validate} command: sandbox
 * plugins with only {@code http} whose endpoints take the ways out the deny-list missed (reflection,
 * method handles, java.util.logging's FileHandler, java.lang.ref.Cleaner, a parallel stream of their
 * own list type), one importing the framework and one serving without {@code http}, are dropped into a
 * running launcher's deploy/: each is {@code rejected}, its reason naming what it uses. The
 * {@code validate} command says the same before anything is installed, and passes the example plugins'
 * code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GuardAllowListIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** How an API-verification finding reads: {@code <class>[.<method>] uses|extends|... <API>, which ...}. */
    private static final Pattern VERIFICATION = Pattern.compile("^\\S+ (uses|extends|implements|declares|overrides) ");

    /** Plugin id to what its refusal names. */
    private final Map<String, String> refusals = new LinkedHashMap<>();
    private final List<MisbehavingPlugin> plugins = new ArrayList<>();

    @TempDir
    static Path home;

    @TempDir
    static Path built;

    private RunningLauncher launcher;
    private Map<String, JsonNode> records;

    @BeforeAll
    void dropEscapingPluginsIntoARunningLauncher() throws Exception {
        escape("reads_credentials", """
                Object path = Class.forName("java.nio.file.Paths").getMethod("get", String.class, String[].class)
                        .invoke(null, "data/credentials.properties", new String[0]);
                return Class.forName("java.nio.file.Files").getMethod("readString", Class.forName("java.nio.file.Path")).invoke(null, path);
                """, "uses java.lang.reflect.Method.invoke");
        escape("logs_to_a_file", """
                java.util.logging.FileHandler handler = new java.util.logging.FileHandler("owned.log");
                handler.publish(new java.util.logging.LogRecord(java.util.logging.Level.SEVERE, "owned"));
                handler.close();
                return "written";
                """, "uses new java.util.logging.FileHandler(String)");
        escape("env_by_handle", """
                return java.lang.invoke.MethodHandles.publicLookup().findStatic(System.class, "getenv",
                        java.lang.invoke.MethodType.methodType(java.util.Map.class)).invoke();
                """, "uses java.lang.invoke.MethodHandles.publicLookup");
        escape("cleaner_thread", """
                java.lang.ref.Cleaner.create().register(new Object(), () -> { });
                return "started";
                """, "uses java.lang.ref.Cleaner.create");
        escape("exits_by_reflection", """
                return Class.forName("java.lang.System").getMethod("exit", int.class).invoke(null, 7);
                """, "uses java.lang.Class.forName");
        escape("parallel_words", """
                class Words extends java.util.ArrayList<String> { }
                return new Words().parallelStream().count();
                """, "uses java.util.Collection.parallelStream");
        plugins.add(MisbehavingPlugins.importing("imports_felix", "org.apache.felix.framework"));
        refusals.put("imports_felix", "imports org.apache.felix.framework, which a sandbox plugin may not wire to");
        String resource = type("serves_without_http", "Page");
        plugins.add(MisbehavingPlugin.withId("serves_without_http").header("Import-Package", "jakarta.ws.rs")
                .source(resource, "package %s;\n@jakarta.ws.rs.Path(\"page\")\npublic class Page { }\n".formatted(pkg("serves_without_http")))
                .component(resource, endpoint("serves_without_http", resource, "")));
        refusals.put("serves_without_http", "is a @PluginEndpoint resource, but the plugin does not ask for the 'http' permission");

        for (MisbehavingPlugin plugin : plugins) {
            plugin.writeInto(built);
        }
        RunningLauncher.deploy(home, "hello.jar");
        launcher = RunningLauncher.ready(home);
        for (MisbehavingPlugin plugin : plugins) {
            PluginJars.dropInto(home.resolve("deploy"), plugin.fileName(), built.resolve(plugin.fileName()));
        }
        GuardApi api = new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"));
        records = api.awaitSettled(plugins.stream().map(MisbehavingPlugin::fileName).toList(), WAIT);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void theDeployerRejectsEachNamingWhatItUses() {
        refusals.forEach((id, refusal) -> {
            JsonNode record = records.get(id + ".jar");
            assertNotNull(record, id + ".jar is listed: " + records.keySet());
            assertEquals("rejected", record.path("state").asText(), id + ": " + record);
            assertTrue(record.path("reason").asText().contains(refusal), id + " reason names '" + refusal + "': " + record);
        });
    }

    @Test
    void theValidateCommandSaysTheSameBeforeAnythingIsInstalled() throws Exception {
        List<String> jars = plugins.stream().map(p -> built.resolve(p.fileName()).toString()).toList();

        JsonNode reports = validate(jars);

        assertEquals(plugins.size(), reports.size());
        for (JsonNode report : reports) {
            String id = report.path("plugin").path("id").asText();
            assertTrue(!report.path("valid").asBoolean(), id + " is invalid: " + report);
            assertTrue(report.path("findings").findValuesAsText("message").stream().anyMatch(m -> m.contains(refusals.get(id))),
                    id + " names '" + refusals.get(id) + "': " + report);
        }
    }

    @Test
    void theExamplePluginsCodeIsAllowed() throws Exception {
        Path examples = Path.of(System.getProperty("aibase.test.plugins"));
        List<String> jars;
        try (Stream<Path> files = Files.list(examples)) {
            jars = files.filter(f -> f.toString().endsWith(".jar")).map(Path::toString).sorted().toList();
        }
        assertTrue(jars.size() >= 3, "hello, analytics and dashboard were built: " + jars);

        for (JsonNode report : validate(jars)) {
            for (JsonNode finding : report.path("findings")) {
                assertTrue(!VERIFICATION.matcher(finding.path("message").asText()).find(),
                        report.path("file").asText() + " uses only allowed APIs: " + finding);
            }
        }
    }

    /** A sandbox plugin with only http whose endpoint {@code GET /<id>/escape} runs the body. */
    private void escape(String id, String body, String refusal) {
        String resource = type(id, "Escape");
        plugins.add(MisbehavingPlugin.withId(id)
                .yaml("permissions: [http]")
                .header("Import-Package", "jakarta.ws.rs")
                .source(resource, """
                        package %s;
                        @jakarta.ws.rs.Path("escape")
                        public class Escape {
                            @jakarta.ws.rs.GET
                            public Object get() throws Throwable {
                                %s
                            }
                        }
                        """.formatted(pkg(id), body))
                .component(resource, endpoint(id, resource, "")));
        refusals.put(id, refusal);
    }

    /** Runs {@code java -jar aibase-runtime.jar validate --json JAR...} as a user would; returns its reports. */
    private static JsonNode validate(List<String> jars) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("aibase.test.launcher"), "validate", "--json"));
        command.addAll(jars);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = process.waitFor();
        assertTrue(status == 0 || status == 1, "validate exits 0 or 1: " + status + "\n" + output);
        return GuardApi.json(output);
    }
}
