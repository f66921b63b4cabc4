package org.aibase.devkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Maven as a plugin developer runs it, as a process of its own: the Maven running this build, offline,
 * against the local repository this build installed into. Each run's output goes to a log file.
 */
final class NestedMaven {

    /** What a run printed and how it ended. */
    record Run(String command, int exitCode, String output, Path log, double seconds) {

        /** Fails with the run's last lines unless it succeeded. */
        Run succeeded() {
            if (exitCode != 0) {
                throw new AssertionError(command + " failed (exit " + exitCode + "):\n" + tail());
            }
            return this;
        }

        String tail() {
            List<String> lines = output.lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())) + "\n(all in " + log + ")";
        }
    }

    private static final long TIMEOUT_MINUTES = 5;

    private NestedMaven() {
    }

    /** Runs {@code mvn -B -o ARGS} in the folder, writing its output to {@code log}. */
    static Run run(Path directory, Path log, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        String home = System.getProperty("maven.home");
        command.add(home == null ? "mvn" : Path.of(home, "bin", "mvn").toString());
        command.add("-B");
        command.add("-o");
        String repository = System.getProperty("maven.repo.local");
        if (repository != null) {
            command.add("-Dmaven.repo.local=" + repository);
        }
        command.addAll(List.of(args));
        long started = System.nanoTime();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // the nested build's own JVM settings, not this test JVM's
        builder.environment().remove("MAVEN_OPTS");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within " + TIMEOUT_MINUTES + " minutes (output in " + log + ")");
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        return new Run(String.join(" ", command), process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log, seconds);
    }
}
