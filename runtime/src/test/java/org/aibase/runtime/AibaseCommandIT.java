package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code aibase} command as a user runs it: the launcher script the build writes next to the runtime
 * JAR, as a process, against one real runtime (started once for the class) over real HTTP.
 */
class AibaseCommandIT {

    static final String ADMIN = "cli-admin-key-7f3a9c2e51d04b86";
    static final String USER = "cli-user-key-2b8e61f0c4a97d35";

    private static Path home;
    private static Path work;
    private static RunningLauncher runtime;
    private static String url;

    /** One run of the command: its exit status and both outputs. */
    record Run(int status, String out, String err) {
        JsonNode json() throws IOException {
            return RuntimeClient.JSON.readTree(out);
        }

        @Override
        public String toString() {
            return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    @BeforeAll
    static void startRuntime() throws Exception {
        Path target = Path.of(System.getProperty("aibase.test.launcher")).getParent();
        home = Files.createTempDirectory(target, "aibase-command-home");
        work = Files.createTempDirectory(target, "aibase-command-work");
        // the script and the JAR as the build wrote them, copied once: a rebuild of target/ meanwhile cannot touch them
        Files.createDirectories(work.resolve("dist"));
        Files.copy(launcherJar(), work.resolve("dist/aibase-runtime.jar"));
        Files.copy(launcherJar().resolveSibling("aibase"), work.resolve("dist/aibase"), java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        Files.createDirectories(home.resolve("config"));
        Files.writeString(home.resolve("config/org.aibase.rest.auth.cfg"), "admin.keys=" + ADMIN + "\nuser.keys=" + USER + "\n");
        RunningLauncher.deploy(home, "hello.jar");
        runtime = RunningLauncher.ready(home);
        url = runtime.baseUrl();
    }

    @AfterAll
    static void stopRuntime() {
        if (runtime != null) {
            runtime.close();
        }
    }

    @Test
    void listsThePluginsAsATableAndAsTheApisJson() throws Exception {
        Run table = aibase("plugins");
        assertEquals(0, table.status(), table::toString);
        assertTrue(table.out().lines().findFirst().orElseThrow().matches("ID\\s+STATE\\s+VERSION\\s+SECURITY\\s+PERMISSIONS\\s+FILE\\s+REASON"),
                table::toString);
        assertTrue(table.out().lines().anyMatch(line -> line.matches("hello\\s+active\\s+1\\.0\\.0\\s+sandbox\\s+http\\s+hello\\.jar\\s+-")),
                table::toString);
        assertEquals("", table.err());

        Run json = aibase("plugins", "--json");
        assertEquals(0, json.status(), json::toString);
        assertTrue(json.json().path("items").findValuesAsText("id").contains("hello"), json::toString);

        Run status = aibase("status", "hello");
        assertEquals(0, status.status(), status::toString);
        assertTrue(status.out().lines().anyMatch(line -> line.matches("state\\s+active")), status::toString);
        assertTrue(status.out().lines().anyMatch(line -> line.matches("plugin\\.permissions\\s+http")), status::toString);
        assertEquals("hello", aibase("status", "hello", "--json").json().path("id").asText());
    }

    @Test
    void installsStopsStartsConfiguresAndUninstallsAPlugin() throws Exception {
        MisbehavingPlugin plugin = MisbehavingPlugin.withId("cli_demo")
                .yaml("defaults: {max_points: {default: 10, min: 1, max: 100}, title: Demo}");
        plugin.writeInto(work);
        Run install = aibase("install", plugin.fileName());
        assertEquals(0, install.status(), install::toString);
        assertEquals("installed cli_demo 1.0.0 from cli_demo.jar: active", install.out().strip());

        Run stop = aibase("stop", "cli_demo");
        assertEquals(0, stop.status(), stop::toString);
        assertEquals("cli_demo: stopped", stop.out().strip());
        Run start = aibase("start", "cli_demo", "--json");
        assertEquals(0, start.status(), start::toString);
        assertEquals("active", start.json().path("state").asText());

        Run shown = aibase("config", "cli_demo");
        assertEquals(0, shown.status(), shown::toString);
        assertTrue(shown.out().lines().anyMatch(line -> line.matches("max_points\\s+10")), shown::toString);
        // typed like the declared default: the number 25, not the text "25" (which the runtime would refuse)
        Run set = aibase("config", "cli_demo", "max_points=25", "title=Grace Hopper", "--json");
        assertEquals(0, set.status(), set::toString);
        assertTrue(set.json().path("max_points").isNumber(), set::toString);
        assertEquals(25, set.json().path("max_points").asInt());
        assertEquals("Grace Hopper", set.json().path("title").asText());
        Run outOfRange = aibase("config", "cli_demo", "max_points=500");
        assertEquals(1, outOfRange.status(), outOfRange::toString);
        assertTrue(outOfRange.err().startsWith("aibase: ") && outOfRange.err().contains("max_points"), outOfRange::toString);
        assertEquals(1, outOfRange.err().lines().count(), outOfRange::toString);
        Run restored = aibase("config", "cli_demo", "max_points=");
        assertTrue(restored.out().lines().anyMatch(line -> line.matches("max_points\\s+10")), restored::toString);

        Run usage = aibase("usage", "cli_demo", "--json");
        assertEquals(0, usage.status(), usage::toString);
        assertEquals("cli_demo", usage.json().path("id").asText());
        assertTrue(usage.json().has("limits"), usage::toString);
        Run usageText = aibase("usage", "cli_demo");
        assertTrue(usageText.out().lines().anyMatch(line -> line.matches("state\\s+active")), usageText::toString);

        Run logs = aibase("logs", "cli_demo", "--since", "10m");
        assertEquals(0, logs.status(), logs::toString);
        assertTrue(logs.out().lines().anyMatch(line -> line.contains("cli_demo.jar")), logs::toString);
        assertTrue(logs.out().lines().allMatch(line -> line.matches("\\d{4}-\\d\\d-\\d\\dT\\S+Z .*")), logs::toString);

        Run uninstall = aibase("uninstall", "cli_demo");
        assertEquals(0, uninstall.status(), uninstall::toString);
        assertEquals("cli_demo: uninstalled", uninstall.out().strip());
        Run gone = aibase("status", "cli_demo");
        assertEquals(1, gone.status(), gone::toString);
    }

    @Test
    void refusesAnInvalidJarWithTheValidatorsReason() throws Exception {
        MisbehavingPlugin evil = MisbehavingPlugins.runtimeExec();
        evil.writeInto(work);
        Run install = aibase("install", evil.fileName());
        assertEquals(1, install.status(), install::toString);
        assertTrue(install.err().contains("java.lang.Runtime.exec"), install::toString);

        Run scan = aibase("scan", work.resolve(evil.fileName()).toString());
        assertEquals(1, scan.status(), scan::toString);
        String evilClass = MisbehavingPlugins.evilClass(evil.id());
        assertTrue(scan.out().lines().anyMatch(line -> line.startsWith(evilClass) && line.contains("run()")
                && line.contains("uses java.lang.Runtime.exec")), scan::toString);
        assertTrue(scan.out().contains("Verdict: refused"), scan::toString);
    }

    @Test
    void anUnknownPluginFailsWithExitStatus1AndTheApisErrorAsJson() throws Exception {
        Run text = aibase("status", "nosuch");
        assertEquals(1, text.status(), text::toString);
        assertEquals("", text.out());
        assertEquals(List.of("aibase: No plugin with id 'nosuch' (GET /api/v1/plugins/nosuch answered 404)"), text.err().lines().toList());
        Run json = aibase("stop", "nosuch", "--json");
        assertEquals(1, json.status(), json::toString);
        assertEquals("not_found", json.json().path("error").path("code").asText(), json::toString);
    }

    @Test
    void aWrongOrMissingKeyExits4AndAUserKeyMayOnlyRead() {
        Run wrong = aibase(Map.of("AIBASE_API_KEY", "not-a-key"), "plugins");
        assertEquals(4, wrong.status(), wrong::toString);
        assertTrue(wrong.err().startsWith("aibase: the API key was refused: "), wrong::toString);
        Run none = aibase(Map.of("AIBASE_API_KEY", ""), "plugins");
        assertEquals(4, none.status(), none::toString);
        assertTrue(none.err().startsWith("aibase: no API key given: "), none::toString);

        assertEquals(0, aibase("plugins", "--key", USER).status());
        Run forbidden = aibase("stop", "hello", "--key", USER);
        assertEquals(4, forbidden.status(), forbidden::toString);
        assertTrue(forbidden.err().startsWith("aibase: the API key may not do this: "), forbidden::toString);
        assertTrue(forbidden.err().contains("needs an admin key"), forbidden::toString);
        Run logs = aibase("logs", "--key", USER);
        assertEquals(4, logs.status(), logs::toString);
    }

    @Test
    void anUnreachableRuntimeExits3() throws Exception {
        Run run = aibase("plugins", "--url", "http://127.0.0.1:" + RunningLauncher.freePort());
        assertEquals(3, run.status(), run::toString);
        assertTrue(run.err().startsWith("aibase: cannot reach AI Base at http://127.0.0.1:"), run::toString);
        assertTrue(run.err().contains("--url or AIBASE_URL"), run::toString);
    }

    @Test
    void aWrongCommandLineExits2NamingWhatIsWrong() {
        assertUsage(aibase("status"), "aibase: status needs exactly one plugin id");
        assertUsage(aibase("plugins", "--jsn"), "aibase: unknown option --jsn (allowed: --json, --key, --url)");
        assertUsage(aibase("frobnicate"), "aibase: unknown command 'frobnicate'");
        assertUsage(aibase("status", "Hello-World"), "aibase: 'Hello-World' is not a plugin id");
        assertUsage(aibase("config", "hello", "audience"), "aibase: 'audience' is not a key=value pair");
        assertUsage(aibase("plugins", "--url", "localhost:8080"), "aibase: --url must be an http:// or https:// URL");
        assertUsage(aibase("new", "demo", "--kind", "chatbot"), "aibase: --kind 'chatbot' is not a kind of plugin");
        Run help = aibase("--help");
        assertEquals(0, help.status(), help::toString);
        assertTrue(help.out().contains("Exit status: 0 done; 1 the operation failed"), help::toString);
    }

    @Test
    void theLogsEndpointServesAdminsAndRefusesBadParametersNamingThem() throws Exception {
        HttpResponse<String> lines = Http.get(url + "/api/v1/logs?plugin=hello&limit=50", ADMIN);
        assertEquals(200, lines.statusCode(), lines::body);
        JsonNode json = RuntimeClient.JSON.readTree(lines.body());
        assertTrue(json.path("returned").asInt() >= 1 && json.path("returned").asInt() <= 50, lines::body);
        assertTrue(json.path("items").findValuesAsText("line").stream().anyMatch(line -> line.contains("hello.jar (hello 1.0.0)")),
                lines::body);

        assertParameterError("since=yesterday", "since");
        assertParameterError("limit=0", "limit");
        assertParameterError("limit=5001", "limit");
        assertParameterError("limit=many", "limit");
        assertParameterError("plugin=Not-An-Id", "plugin");
        assertEquals(403, Http.get(url + "/api/v1/logs", USER).statusCode());
        assertEquals(401, Http.get(url + "/api/v1/logs").statusCode());

        Run since = aibase("logs", "--since", "yesterday");
        assertEquals(1, since.status(), since::toString);
        assertTrue(since.err().startsWith("aibase: since 'yesterday' is neither an instant nor a duration (allowed: "), since::toString);
        Run limited = aibase("logs", "--limit", "3", "--json");
        assertEquals(0, limited.status(), limited::toString);
        assertEquals(3, limited.json().path("items").size(), limited::toString);
    }

    @Test
    void followsTheLogUntilStopped() throws Exception {
        MisbehavingPlugin plugin = MisbehavingPlugin.withId("cli_follow");
        plugin.writeInto(work);
        Process follow = process(Map.of(), "logs", "cli_follow", "--follow", "--since", "1s");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(follow.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<closed: " + e.getMessage() + ">");
            }
        });
        reader.setDaemon(true);
        reader.start();
        try {
            Thread.sleep(1500); // the first answer is in; what follows is new
            Run install = aibase("install", plugin.fileName());
            assertEquals(0, install.status(), install::toString);
            List<String> seen = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (seen.stream().noneMatch(line -> line.contains("cli_follow.jar")) && System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                }
            }
            assertTrue(seen.stream().anyMatch(line -> line.contains("cli_follow.jar")), () -> "followed: " + seen);
            assertTrue(seen.stream().allMatch(line -> line.contains("cli_follow")), () -> "followed: " + seen);
            assertTrue(follow.isAlive(), "--follow ended by itself");
        } finally {
            follow.destroyForcibly();
            aibase("uninstall", "cli_follow");
        }
    }

    @Test
    void validatesAProjectFolderByItsBuiltJarOrSaysToBuildIt() throws Exception {
        Path project = Files.createDirectories(work.resolve("unbuilt"));
        Run unbuilt = aibase("validate", project.toString());
        assertEquals(1, unbuilt.status(), unbuilt::toString);
        assertTrue(unbuilt.err().contains("mvn verify"), unbuilt::toString);

        Path built = Files.createDirectories(work.resolve("built/target"));
        Files.copy(Path.of(System.getProperty("aibase.test.plugins"), "hello.jar"), built.resolve("hello-1.0.0.jar"));
        Run valid = aibase("validate", built.getParent().toString());
        assertEquals(0, valid.status(), valid::toString);
        assertTrue(valid.out().startsWith("hello-1.0.0.jar: valid (hello 1.0.0)"), valid::toString);
    }

    @Test
    void theScriptFindsItsJarThroughASymbolicLink() throws Exception {
        Path link = work.resolve("bin/aibase");
        Files.createDirectories(link.getParent());
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, script());
        Process process = new ProcessBuilder(link.toString(), "--help").redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        assertTrue(out.startsWith("Usage: aibase"), out);
    }

    @Test
    void newNamesTheArchetypeMavenCannotFind() throws Exception {
        // an empty local repository, offline: whether or not the archetype is installed, Maven cannot reach it
        Path emptyRepository = Files.createDirectories(work.resolve("empty-repository"));
        Path into = Files.createDirectories(work.resolve("new-offline"));
        Run run = aibase(Map.of("MAVEN_OPTS", "-Dmaven.repo.local=" + emptyRepository), "new", "demo_plugin", "--dir",
                into.toString(), "--offline");
        assertEquals(1, run.status(), run::toString);
        assertTrue(run.err().strip().startsWith("aibase: Maven could not create the project from org.aibase:aibase-plugin-archetype:"
                + runtimeVersion()), run::toString);
        assertFalse(Files.exists(into.resolve("demo_plugin/pom.xml")));
    }

    @Test
    void newCreatesAProjectFromTheInstalledArchetype() throws Exception {
        String version = runtimeVersion();
        Path archetype = Path.of(System.getProperty("user.home"), ".m2/repository/org/aibase/aibase-plugin-archetype", version,
                "aibase-plugin-archetype-" + version + ".jar");
        assumeTrue(Files.isRegularFile(archetype), "the plugin archetype is not installed in ~/.m2 (" + archetype
                + "): build dev-kit first; the missing case is newNamesTheArchetypeMavenCannotFind");
        Path into = Files.createDirectories(work.resolve("new-online"));
        // offline: what the build installed is all a developer's machine needs
        Run run = aibase("new", "demo_plugin", "--dir", into.toString(), "--kind", "endpoint", "--offline");
        assertEquals(0, run.status(), run::toString);
        assertTrue(Files.isRegularFile(into.resolve("demo_plugin/pom.xml")), run::toString);
        assertTrue(run.out().contains("aibase install target/demo_plugin-1.0.0.jar"), run::toString);
    }

    private static void assertUsage(Run run, String start) {
        assertEquals(2, run.status(), run::toString);
        assertEquals("", run.out(), run::toString);
        assertTrue(run.err().startsWith(start), run::toString);
        assertTrue(run.err().contains("Run 'aibase --help'"), run::toString);
    }

    private void assertParameterError(String query, String parameter) throws Exception {
        HttpResponse<String> response = Http.get(url + "/api/v1/logs?" + query, ADMIN);
        assertEquals(400, response.statusCode(), response::body);
        JsonNode error = RuntimeClient.JSON.readTree(response.body()).path("error");
        assertEquals("invalid_parameter", error.path("code").asText(), response::body);
        assertEquals(parameter, error.path("details").path("parameter").asText(), response::body);
        assertTrue(error.path("message").asText().contains("(allowed: "), response::body);
    }

    /** The version the build wrote into the copied JAR (the archetype's version too). */
    private static String runtimeVersion() throws IOException {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(work.resolve("dist/aibase-runtime.jar").toFile())) {
            java.util.Properties properties = new java.util.Properties();
            properties.load(jar.getInputStream(jar.getEntry("org/aibase/runtime/aibase-version.properties")));
            return properties.getProperty("version");
        }
    }

    private static Path launcherJar() {
        return Path.of(System.getProperty("aibase.test.launcher"));
    }

    private static Path script() {
        return work.resolve("dist/aibase");
    }

    private static Run aibase(String... args) {
        return aibase(Map.of(), args);
    }

    /** Runs the script with the runtime's URL and the admin key in the environment, overridden by {@code env}. */
    private static Run aibase(Map<String, String> env, String... args) {
        try {
            Path out = Files.createTempFile(work, "out", ".txt");
            Path err = Files.createTempFile(work, "err", ".txt");
            List<String> command = new ArrayList<>(List.of(script().toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            environment(builder, env);
            Process process = builder.start();
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("aibase " + String.join(" ", args) + " did not end within 3 minutes");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Process process(Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(script().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        environment(builder, env);
        return builder.start();
    }

    private static void environment(ProcessBuilder builder, Map<String, String> env) {
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("AIBASE_"));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("AIBASE_URL", url);
        environment.put("AIBASE_API_KEY", ADMIN);
        Map<String, String> overrides = new HashMap<>(env);
        environment.putAll(overrides);
    }
}
