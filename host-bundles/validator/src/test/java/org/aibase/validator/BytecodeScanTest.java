package org.aibase.validator;

import static org.aibase.validator.Reports.assertOnlyError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One plugin per denied API family, compiled from source at test time; each finding names class, method and API. */
class BytecodeScanTest extends RuleTestSupport {

    private static final String PROCESSES = "no process: a plugin that must start programs needs the operator's trusted grant";
    private static final String THREADS = "PluginContext executors and scheduler";
    private static final String FILES = "the files service, PluginFiles (permission files)";
    private static final String THREAD_REASON = "runs work on threads the platform cannot govern, meter or stop";

    private static final Map<String, String> SOURCES = Map.ofEntries(
            source("Exec", "public void run() throws Exception { Runtime.getRuntime().exec(\"x\"); Runtime.getRuntime().exec(\"y\"); }"),
            source("Sock", "public Object connect() { return new java.net.Socket(); }"),
            source("Quit", "public void stop(int code) { System.exit(code); }"),
            source("Env", "public String key() { return System.getenv(\"X\"); }"),
            source("Spawn", "public void start(Runnable r) { new Thread(r).start(); }"),
            source("Write", "public void save(byte[] b) throws Exception { java.nio.file.Files.write(java.nio.file.Path.of(\"x\"), b); }"),
            source("Pool", "public Object pool() { return java.util.concurrent.Executors.newFixedThreadPool(1); }"),
            source("PoolReference", "public java.util.function.Supplier<?> pools() { return java.util.concurrent.Executors::newCachedThreadPool; }"),
            source("Async", "public Object later(Runnable r) { return java.util.concurrent.CompletableFuture.runAsync(r); }"),
            source("AsyncOnExecutor", "public Object later(Runnable r, java.util.concurrent.Executor e) {"
                    + " return java.util.concurrent.CompletableFuture.runAsync(r, e).thenRunAsync(r, e); }"),
            source("Parallel", "public long count(java.util.List<String> list) { return list.parallelStream().count(); }"),
            source("Access", "public void open(java.lang.reflect.Field f) { f.setAccessible(true); }"),
            source("Worker", "public static class Job extends Thread { }"),
            source("Clean", """
                    public java.util.Map<String, Integer> count(java.util.List<String> words) throws InterruptedException {
                        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
                        words.stream().map(String::trim).forEach(w -> counts.merge(w, 1, Integer::sum));
                        java.nio.file.Path name = java.nio.file.Path.of("data", "x.txt").resolve("y");
                        Thread.sleep(0);
                        Thread.currentThread().interrupt();
                        return counts.isEmpty() ? java.util.Map.of(name.toString() + java.io.File.separator, 0) : counts;
                    }"""));

    @TempDir
    static Path compiled;

    private static CompiledClasses classes;

    @BeforeAll
    static void compile() throws IOException {
        classes = CompiledClasses.compile(compiled, SOURCES);
    }

    @Test
    void refusesProcessLaunchOncePerMethod() throws IOException {
        assertOnlyError(validate(plugin("Exec")), "org/example/Exec.class",
                "org.example.Exec.run() uses java.lang.Runtime.exec, which launches or controls operating-system processes",
                PROCESSES);
    }

    @Test
    void refusesRawSockets() throws IOException {
        assertOnlyError(validate(plugin("Sock")), "org/example/Sock.class",
                "org.example.Sock.connect() uses new java.net.Socket, which opens network connections outside the declared network_hosts",
                "OutboundHttp (permission network)");
    }

    @Test
    void refusesExitAndEnvironment() throws IOException {
        assertOnlyError(validate(plugin("Quit")), "org/example/Quit.class",
                "org.example.Quit.stop(int) uses java.lang.System.exit, which stops the whole platform",
                "throwing an exception or returning a failed TaskResult");
        assertOnlyError(validate(plugin("Env")), "org/example/Env.class",
                "org.example.Env.key() uses java.lang.System.getenv, which reads the platform's environment, where secrets such as API keys live",
                "the plugin's configuration (PluginContext)");
    }

    @Test
    void refusesThreadsOfEveryKind() throws IOException {
        assertOnlyError(validate(plugin("Spawn")), "org/example/Spawn.class",
                "org.example.Spawn.start(Runnable) uses new java.lang.Thread, which " + THREAD_REASON, THREADS);
        assertOnlyError(validate(plugin("Pool")), "org/example/Pool.class",
                "org.example.Pool.pool() uses java.util.concurrent.Executors.newFixedThreadPool, which " + THREAD_REASON, THREADS);
        assertOnlyError(validate(plugin("PoolReference")), "org/example/PoolReference.class",
                "org.example.PoolReference.pools() uses java.util.concurrent.Executors.newCachedThreadPool, which " + THREAD_REASON, THREADS);
        assertOnlyError(validate(plugin("Parallel")), "org/example/Parallel.class",
                "org.example.Parallel.count(List) uses java.util.List.parallelStream, which " + THREAD_REASON, THREADS);
        assertOnlyError(validate(plugin("Worker")), "org/example/Worker$Job.class",
                "org.example.Worker$Job extends java.lang.Thread, which " + THREAD_REASON, THREADS);
    }

    @Test
    void refusesAsyncWorkWithoutAnExecutorOnly() throws IOException {
        assertOnlyError(validate(plugin("Async")), "org/example/Async.class",
                "org.example.Async.later(Runnable) uses java.util.concurrent.CompletableFuture.runAsync, which " + THREAD_REASON, THREADS);
        assertValid(validate(plugin("AsyncOnExecutor")));
    }

    @Test
    void refusesDirectFilesButNotPaths() throws IOException {
        assertOnlyError(validate(plugin("Write")), "org/example/Write.class",
                "org.example.Write.save(byte[]) uses java.nio.file.Files.write, which reads or writes files outside the plugin's own folder",
                FILES);
    }

    @Test
    void refusesReflectionThatBypassesAccess() throws IOException {
        assertOnlyError(validate(plugin("Access")), "org/example/Access.class",
                "org.example.Access.open(Field) uses java.lang.reflect.Field.setAccessible, which bypasses Java's access checks into the platform's internals",
                "public APIs");
    }

    @Test
    void acceptsACleanPlugin() throws IOException {
        assertValid(validate(plugin("Clean")));
    }

    @Test
    void scansIsolatedPluginsAndAcceptsTrustedOnesTheOperatorGranted() throws IOException {
        TestJar isolated = classes.addTo(TestJar.plugin(BASE + "security: isolated\n"), "org.example.Exec");
        assertEquals("org/example/Exec.class", Reports.onlyError(validate(isolated)).location());

        TestJar trusted = classes.addTo(TestJar.plugin(BASE + "security: trusted\n"), "org.example.Exec");
        ValidationContext granted = new ValidationContext("1.0.0", Map.of(), Set.of("hello"), PlatformLimits.DEFAULTS, false);
        assertValid(validate(trusted, granted));
    }

    @Test
    void scansTrustedPluginsWithoutTheGrantToReportEverything() throws IOException {
        ValidationReport report = validate(classes.addTo(TestJar.plugin(BASE + "security: trusted\n"), "org.example.Exec"));

        assertEquals(List.of("plugin.yaml/security", "org/example/Exec.class"),
                report.findings(Severity.ERROR).stream().map(Finding::location).toList());
    }

    @Test
    void scansNestedJarsOnTheBundleClassPath() throws IOException {
        TestJar jar = TestJar.validPlugin().header("Bundle-ClassPath", ".,lib/evil.jar")
                .entry("lib/evil.jar", classes.library("org.example.Spawn"))
                .entry("lib/ignored.jar", classes.library("org.example.Exec")); // not on the class path: never loaded

        Finding finding = Reports.onlyError(validate(jar));

        assertEquals("lib/evil.jar!/org/example/Spawn.class", finding.location());
        assertTrue(finding.message().startsWith("org.example.Spawn.start(Runnable) uses new java.lang.Thread"), finding.message());
    }

    @Test
    void scansMultiReleaseClassesAndSkipsModuleInfo() throws IOException {
        TestJar jar = TestJar.validPlugin()
                .entry("META-INF/versions/17/org/example/Quit.class", classes.bytes("org.example.Quit"))
                .entry("module-info.class", "not scanned".getBytes(StandardCharsets.UTF_8));

        assertEquals("META-INF/versions/17/org/example/Quit.class", Reports.onlyError(validate(jar)).location());
    }

    @Test
    void refusesAClassFileItCannotRead() throws IOException {
        byte[] truncated = java.util.Arrays.copyOf(classes.bytes("org.example.Clean"), 40);
        TestJar jar = TestJar.validPlugin().entry("org/example/Broken.class", "not a class".getBytes(StandardCharsets.UTF_8))
                .entry("org/example/Truncated.class", truncated);

        List<Finding> errors = validate(jar).findings(Severity.ERROR);

        assertEquals(List.of("org/example/Broken.class", "org/example/Truncated.class"), errors.stream().map(Finding::location).toList());
        errors.forEach(e -> assertTrue(e.message().startsWith("is not a class file the scan can read: "), e.message()));
    }

    @Test
    void findsTheOneDeniedCallAmongAThousandClasses() throws IOException {
        TestJar jar = TestJar.validPlugin();
        byte[] clean = classes.bytes("org.example.Clean");
        for (int i = 0; i < 1000; i++) {
            jar.entry("org/example/many/C" + i + ".class", clean);
        }
        jar.entry("org/example/many/Z.class", classes.bytes("org.example.Quit"));

        assertEquals("org/example/many/Z.class", Reports.onlyError(validate(jar)).location());
    }

    private static TestJar plugin(String simpleName) {
        return classes.addTo(TestJar.validPlugin(), "org.example." + simpleName);
    }

    private static void assertValid(ValidationReport report) {
        assertTrue(report.valid(), report.summary());
        assertEquals(List.of(), report.findings());
    }

    private static Map.Entry<String, String> source(String simpleName, String body) {
        return Map.entry("org.example." + simpleName, "package org.example;\npublic class " + simpleName + " {\n" + body + "\n}\n");
    }
}
