import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The assembled runtime started as a user starts it ({@code java -jar aibase-runtime.jar run}) in a
 * temporary home, with its output kept for the lines the bench waits for and for the message when
 * something does not come up.
 */
final class RuntimeProcess implements AutoCloseable {

    /**
     * JVM options for the runtime from {@code RUNTIME_JAVA_OPTIONS}, for diagnosis only (e.g.
     * {@code -XX:NativeMemoryTracking=summary}); the figures are meant without any.
     */
    static final List<String> JAVA_OPTIONS = List.of(System.getenv().getOrDefault("RUNTIME_JAVA_OPTIONS", "").trim().split("\\s+"))
            .stream().filter(option -> !option.isEmpty()).toList();

    private static final Pattern READY = Pattern.compile("AI Base ready at (\\S+) in (\\d+) ms \\((\\d+) plugins active\\)");

    private final Path home;
    private final Process process;
    private final int port;
    private final ProcessOutput output;
    private final String apiKey;
    private final int activeAtStart;

    private RuntimeProcess(Path home, Process process, int port) throws Exception {
        this.home = home;
        this.process = process;
        this.port = port;
        this.output = new ProcessOutput(process, "runtime");
        String ready = output.awaitLine(line -> READY.matcher(line).find(), 0, 180, "the ready line");
        Matcher matcher = READY.matcher(ready);
        matcher.find();
        this.activeAtStart = Integer.parseInt(matcher.group(3));
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(home.resolve("data/credentials.properties"))) {
            secrets.load(in);
        }
        this.apiKey = Optional.ofNullable(secrets.getProperty("admin.api.key"))
                .orElseThrow(() -> new IllegalStateException("no admin.api.key in " + home + "/data/credentials.properties"));
    }

    /**
     * Starts the runtime in a new temporary home whose {@code deploy/} holds copies of the given
     * plugin JARs, and waits for its ready line.
     */
    static RuntimeProcess start(Path runtimeJar, List<Path> plugins, String label) throws Exception {
        return start(runtimeJar, plugins, label, Map.of());
    }

    /** As {@link #start(Path, List, String)}, with {@code config/<pid>.cfg} files written before it starts. */
    static RuntimeProcess start(Path runtimeJar, List<Path> plugins, String label, Map<String, String> configuration)
            throws Exception {
        Path home = Files.createTempDirectory("aibase-http-bench-");
        Files.createDirectories(home.resolve("deploy"));
        Files.createDirectories(home.resolve("config"));
        for (var file : configuration.entrySet()) {
            Files.writeString(home.resolve("config").resolve(file.getKey() + ".cfg"), file.getValue());
        }
        for (Path plugin : plugins) {
            Files.copy(plugin, home.resolve("deploy").resolve(plugin.getFileName()));
        }
        int port = freePort();
        Progress.say(label + ": starting the runtime on port " + port + " ...");
        List<String> command = new java.util.ArrayList<>(List.of(javaCommand("java")));
        command.addAll(JAVA_OPTIONS);
        command.addAll(List.of("-jar", runtimeJar.toString(), "run", "--home", home.toString(), "--port", String.valueOf(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            return new RuntimeProcess(home, process, port);
        } catch (Exception | Error e) {
            process.destroyForcibly();
            deleteTree(home);
            throw e;
        }
    }

    Path home() {
        return home;
    }

    Path deployFolder() {
        return home.resolve("deploy");
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    String apiKey() {
        return apiKey;
    }

    int activeAtStart() {
        return activeAtStart;
    }

    /** The runtime's output: lines to wait for, and its last lines for a failure. */
    ProcessOutput output() {
        return output;
    }

    /** Work done against the runtime, which may fail. */
    interface Work {
        void run() throws Exception;
    }

    /** Runs work against the runtime; a failure is reported with the runtime's last lines. */
    void explainingFailures(Work work) throws Exception {
        try {
            work.run();
        } catch (IllegalStateException e) {
            if (String.valueOf(e.getMessage()).contains("--- last lines of the")) {
                throw e;
            }
            IllegalStateException explained = failure(String.valueOf(e.getMessage()));
            explained.initCause(e);
            throw explained;
        }
    }

    /** An exception whose message ends with the runtime's last lines, for a loud failure. */
    IllegalStateException failure(String message) {
        return output.failure(message + " (home " + home + ")");
    }

    /** Resident set size from /proc, in KiB. */
    long residentKib() throws IOException {
        return procStatus("VmRSS:");
    }

    /** The number of threads of the process. */
    int threads() throws IOException {
        return (int) procStatus("Threads:");
    }

    private long procStatus(String field) throws IOException {
        return procStatus(pid(), field);
    }

    /** A number of {@code /proc/<pid>/status}, e.g. {@code VmRSS:} in KiB. */
    static long procStatus(long pid, String field) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("\\D", ""));
            }
        }
        throw new IllegalStateException("no " + field + " in /proc/" + pid + "/status");
    }

    /** Runs a diagnostic command of the runtime's JVM through jcmd and returns what it printed. */
    String jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of(javaCommand("jcmd"), String.valueOf(pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    @Override
    public void close() throws Exception {
        try {
            process.toHandle().destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("the runtime did not stop within 20 s of SIGTERM");
            }
        } finally {
            deleteTree(home);
        }
    }

    /** A tool of the JDK running this bench, e.g. {@code java} or {@code jcmd}. */
    static String javaCommand(String tool) {
        Path path = Path.of(System.getProperty("java.home"), "bin", tool);
        return Files.isExecutable(path) ? path.toString() : tool;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
