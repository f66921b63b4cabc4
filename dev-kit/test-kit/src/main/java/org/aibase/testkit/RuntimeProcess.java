package org.aibase.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar aibase-runtime.jar run --home HOME --port PORT} as a process of its own, as an
 * operator starts it; its output goes to {@code HOME/runtime-output.log}.
 */
final class RuntimeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("AI Base ready at (http://127\\.0\\.0\\.1:\\d+) in \\d+ ms");
    private static final int TAIL_LINES = 60;

    private final Path home;
    private final Path log;
    private final Process process;
    private volatile String baseUrl;

    private RuntimeProcess(Path home, Process process) {
        this.home = home;
        this.log = home.resolve("runtime-output.log");
        this.process = process;
    }

    /** Starts the runtime JAR with the given home on a free port. */
    static RuntimeProcess start(Path runtimeJar, Path home) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-jar", runtimeJar.toString(),
                "run", "--home", home.toString(), "--port", String.valueOf(freePort()))
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("runtime-output.log").toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new RuntimeProcess(home, process);
    }

    /** Waits for the ready line; fails with the runtime's last lines when it exits or the time is up. */
    void awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String line : output()) {
                Matcher ready = READY.matcher(line);
                if (ready.find()) {
                    baseUrl = ready.group(1);
                    return;
                }
            }
            if (!process.isAlive()) {
                throw new AssertionError("the AI Base runtime exited with status " + process.exitValue()
                        + " before it was ready\n" + tail());
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the AI Base runtime was not ready within " + timeout + "\n" + tail());
    }

    String baseUrl() {
        if (baseUrl == null) {
            throw new IllegalStateException("the runtime is not ready");
        }
        return baseUrl;
    }

    Path home() {
        return home;
    }

    /** Every line the runtime printed so far. */
    List<String> output() {
        try {
            return Files.exists(log) ? Files.readAllLines(log, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    /** The runtime's last lines, for a failure message. */
    String tail() {
        List<String> lines = output();
        return "--- the runtime's last lines (all in " + log + ") ---\n"
                + String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    /** Ends the runtime and every process it started (isolated plugins' JVMs), at once. */
    @Override
    public void close() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError("the AI Base runtime (pid " + process.pid() + ") did not end within 30 s");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
