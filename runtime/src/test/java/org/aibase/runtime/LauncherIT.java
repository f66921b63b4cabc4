package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built launcher as a user runs it: a separate process, its output, real HTTP, SIGTERM. */
class LauncherIT {

    @TempDir
    Path home;

    @Test
    void startsServesThePluginAtOnceAndStopsCleanlyOnSigterm() throws Exception {
        RunningLauncher.deploy(home, "hello.jar");
        int port = RunningLauncher.freePort();
        try (RunningLauncher launcher = RunningLauncher.start(home, "run", "--home", home.toString(), "--port", String.valueOf(port))) {
            Matcher ready = launcher.awaitLine(RunningLauncher.READY, Duration.ofSeconds(90));
            assertEquals(String.valueOf(port), ready.group(1));
            assertEquals("1", ready.group(3), "hello is active");

            // no sleep: the ready line promises the plugin's resources are registered
            String key = launcher.credential("admin.api.key");
            HttpResponse<String> greeting = Http.get("http://127.0.0.1:" + port + "/api/v1/hello/greeting?name=Ada", key);
            assertEquals(200, greeting.statusCode(), greeting.body());
            assertEquals("{\"message\":\"Hello, Ada!\"}", greeting.body());

            Path credentials = home.resolve("data/credentials.properties");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials)));
            String password = launcher.credential("console.password");
            assertTrue(password.length() >= 20, "a long random password");
            assertTrue(launcher.output().stream().noneMatch(line -> line.contains(password) || line.contains(key)),
                    "secrets are never printed");
            assertTrue(launcher.output().stream().noneMatch(line -> line.startsWith("Bundle ") && line.contains(" failed: ")),
                    "a clean start reports no framework error:\n" + String.join("\n", launcher.output()));
            // the host bundles log through the framework's SLF4J provider: a provider's service file on the
            // launcher's class path once turned every log line off (SLF4J fell back to its no-op logger)
            assertTrue(launcher.output().stream().anyMatch(line -> line.contains("[INFO] Deployer - Deploying plugins from")),
                    "the host bundles' log is written:\n" + String.join("\n", launcher.output()));
            assertTrue(launcher.output().stream().noneMatch(line -> line.startsWith("SLF4J(")),
                    "SLF4J finds its provider:\n" + String.join("\n", launcher.output()));

            assertEquals(0, launcher.terminate(Duration.ofSeconds(15)), String.join("\n", launcher.output()));
            launcher.awaitLine(Pattern.compile("AI Base stopped"), Duration.ofSeconds(5));
        }
    }

    @Test
    void validatesJarsWithoutStartingTheRuntime() throws Exception {
        Path hello = Path.of(System.getProperty("aibase.test.plugins"), "hello.jar");
        Path bad = Files.writeString(home.resolve("bad.jar"), "not a zip");
        try (RunningLauncher launcher = RunningLauncher.start(home, "validate", hello.toString(), bad.toString(), "--json")) {
            assertTrue(launcher.process().waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, launcher.process().exitValue(), "one of the two is invalid");
            String json = String.join("\n", launcher.output());
            var reports = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
            assertEquals(2, reports.size(), json);
            assertTrue(reports.get(0).path("valid").asBoolean(), json);
            assertEquals("bad.jar", reports.get(1).path("file").asText());
            assertTrue(reports.get(1).path("findings").size() > 0, json);
            assertTrue(Files.notExists(home.resolve("data")), "no runtime was started");
        }
        try (RunningLauncher launcher = RunningLauncher.start(home, "validate", hello.toString())) {
            assertTrue(launcher.process().waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, launcher.process().exitValue(), String.join("\n", launcher.output()));
        }
    }

    @Test
    void refusesAnUnknownOptionNamingIt() throws Exception {
        try (RunningLauncher launcher = RunningLauncher.start(home, "run", "--prot", "8080")) {
            assertTrue(launcher.process().waitFor(30, TimeUnit.SECONDS));
            assertEquals(2, launcher.process().exitValue());
            launcher.awaitLine(Pattern.compile("unknown option --prot"), Duration.ofSeconds(5));
        }
    }

    @Test
    void saysSoWhenThePortIsTaken() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"));
                RunningLauncher launcher = RunningLauncher.start(home, "--home", home.toString(), "--port",
                        String.valueOf(taken.getLocalPort()))) {
            assertTrue(launcher.process().waitFor(60, TimeUnit.SECONDS));
            assertEquals(1, launcher.process().exitValue());
            launcher.awaitLine(Pattern.compile("cannot listen on 127\\.0\\.0\\.1:" + taken.getLocalPort()), Duration.ofSeconds(5));
        }
    }
}
