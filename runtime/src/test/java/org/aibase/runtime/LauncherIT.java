package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built launcher as a user runs it: a separate process, its output, real HTTP, SIGTERM. */
class LauncherIT {

    private static final Pattern READY = Pattern.compile(
            "AI Base ready at http://127\\.0\\.0\\.1:(\\d+) in (\\d+) ms \\((\\d+) plugins active\\)");

    @TempDir
    Path home;

    private Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    @AfterEach
    void killLeftovers() {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
        }
    }

    @Test
    void startsServesThePluginAtOnceAndStopsCleanlyOnSigterm() throws Exception {
        Files.createDirectories(home.resolve("deploy"));
        Files.copy(Path.of(System.getProperty("aibase.test.plugins"), "hello.jar"), home.resolve("deploy/hello.jar"));
        int port = freePort();

        start("run", "--home", home.toString(), "--port", String.valueOf(port));
        Matcher ready = awaitLine(READY, Duration.ofSeconds(90));
        assertEquals(String.valueOf(port), ready.group(1));
        assertEquals("1", ready.group(3), "hello is active");

        // no sleep: the ready line promises the plugin's resources are registered
        HttpResponse<String> greeting = Http.get("http://127.0.0.1:" + port + "/api/v1/hello/greeting?name=Ada");
        assertEquals(200, greeting.statusCode(), greeting.body());
        assertEquals("{\"message\":\"Hello, Ada!\"}", greeting.body());

        Path credentials = home.resolve("data/credentials.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
        Properties secrets = new Properties();
        try (var in = Files.newInputStream(credentials)) {
            secrets.load(in);
        }
        assertTrue(secrets.getProperty("console.password").length() >= 20, "a long random password");
        assertTrue(output.stream().noneMatch(line -> line.contains(secrets.getProperty("console.password"))),
                "the password is never printed");

        process.toHandle().destroy(); // SIGTERM, without closing our end of its output as Process.destroy() does
        assertTrue(process.waitFor(15, TimeUnit.SECONDS), "stopped within 15 s");
        assertEquals(0, process.exitValue(), String.join("\n", output));
        awaitLine(Pattern.compile("AI Base stopped"), Duration.ofSeconds(5));
    }

    @Test
    void refusesAnUnknownOptionNamingIt() throws Exception {
        start("run", "--prot", "8080");
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(2, process.exitValue());
        awaitLine(Pattern.compile("unknown option --prot"), Duration.ofSeconds(5));
    }

    @Test
    void saysSoWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            start("--home", home.toString(), "--port", String.valueOf(taken.getLocalPort()));
            assertTrue(process.waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, process.exitValue());
            awaitLine(Pattern.compile("cannot listen on 127\\.0\\.0\\.1:" + taken.getLocalPort()), Duration.ofSeconds(5));
        }
    }

    private void start(String... args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("aibase.test.launcher")));
        command.addAll(List.of(args));
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

    private Matcher awaitLine(Pattern pattern, Duration timeout) throws InterruptedException {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
