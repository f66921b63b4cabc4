package org.aibase.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The built launcher as a separate process, as a user runs it: its output, its port, its home. */
final class RunningLauncher implements AutoCloseable {

    /** Where the ports tests give runtimes start: well above the privileged ones, below the ephemeral ones. */
    private static final int OWN_PORTS_FROM = 10_000;
    static final Pattern READY = Pattern.compile(
            "AI Base ready at http://127\\.0\\.0\\.1:(\\d+) in (\\d+) ms \\((\\d+) plugins active\\)");

    private final Path home;
    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private RunningLauncher(Path home, List<String> args) throws IOException {
        this.home = home;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("aibase.test.launcher")));
        command.addAll(args);
        process = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("<output closed: " + e.getMessage() + ">");
            }
        }, "launcher-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the launcher with these arguments in {@code home} (its working directory). */
    static RunningLauncher start(Path home, String... args) throws IOException {
        Files.createDirectories(home);
        return new RunningLauncher(home, List.of(args));
    }

    /** Starts {@code run --home home --port <free>} and waits for the ready line. */
    static RunningLauncher ready(Path home) throws IOException, InterruptedException {
        RunningLauncher launcher = start(home, "run", "--home", home.toString(), "--port", String.valueOf(freePort()));
        try {
            launcher.awaitLine(READY, Duration.ofSeconds(90));
            return launcher;
        } catch (AssertionError | RuntimeException e) {
            launcher.close();
            throw e;
        }
    }

    /**
     * A port nobody listens on, below the range the system takes outgoing connections' local ports
     * from. A port from {@code new ServerSocket(0)} is in that range, and in the seconds between the
     * test choosing it and the runtime's Jetty binding it, an outgoing connection (the runtime's own
     * database pool, another node's) may take it as its local port: Jetty then cannot listen and the
     * runtime never becomes ready (seen in JobsScaleOutIT, with two nodes' PostgreSQL pools).
     */
    static int freePort() throws IOException {
        int below = Math.max(OWN_PORTS_FROM + 1_000, firstEphemeralPort());
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(OWN_PORTS_FROM, below);
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                return port;
            } catch (IOException taken) {
                // another one
            }
        }
        throw new IOException("no free port from " + OWN_PORTS_FROM + " to " + below + " in 100 tries");
    }

    /** The start of Linux's local port range for outgoing connections (32768 by default, and elsewhere). */
    private static int firstEphemeralPort() {
        try {
            return Integer.parseInt(Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim()
                    .split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    /** Puts a plugin into the deploy folder before or while running. */
    static void deploy(Path home, String fileName) throws IOException {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(Path.of(System.getProperty("aibase.test.plugins"), fileName), home.resolve("deploy").resolve(fileName));
    }

    /** The URL the ready line announced. */
    String baseUrl() {
        for (String line : output) {
            Matcher matcher = READY.matcher(line);
            if (matcher.find()) {
                return "http://127.0.0.1:" + matcher.group(1);
            }
        }
        throw new AssertionError("not ready:\n" + String.join("\n", output));
    }

    /** A secret the launcher generated into data/credentials.properties, e.g. {@code admin.api.key}. */
    String credential(String key) throws IOException {
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(home.resolve("data/credentials.properties"))) {
            secrets.load(in);
        }
        return secrets.getProperty(key);
    }

    Process process() {
        return process;
    }

    /** What it printed so far (a copy: lines keep coming). */
    List<String> output() {
        return List.copyOf(output);
    }

    /** What it printed from line {@code first} on (0-based), e.g. a size of {@link #output()} taken before. */
    List<String> outputSince(int first) {
        List<String> all = output();
        return all.subList(Math.min(first, all.size()), all.size());
    }

    /** Its last lines, one per line, for a failure message. */
    String lastLines(int lines) {
        List<String> all = output();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Waits for an output line matching the pattern, looking at what was printed already first. */
    Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
        for (String line : output) {
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                Matcher matcher = pattern.matcher(line);
                if (matcher.find()) {
                    return matcher;
                }
            }
        }
        throw new AssertionError("no line matching '" + pattern + "' within " + timeout + ":\n" + String.join("\n", output));
    }

    /** SIGTERM, without closing our end of its output as {@link Process#destroy()} would; waits for the exit. */
    int terminate(Duration timeout) throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("did not stop within " + timeout + ":\n" + String.join("\n", output));
        }
        return process.exitValue();
    }

    /**
     * What a failed wait needs to be understood: the last lines of output and the runtime's threads
     * (jcmd's thread dump), taken when the wait failed rather than when it began.
     */
    String diagnosis(int lines) {
        String threads;
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    String.valueOf(process.pid()), "Thread.print").redirectErrorStream(true).start();
            threads = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            threads = "<no thread dump: " + e.getMessage() + ">";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            threads = "<no thread dump: interrupted>";
        }
        return "last " + lines + " lines of output:\n" + lastLines(lines) + "\nthreads:\n" + threads;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
