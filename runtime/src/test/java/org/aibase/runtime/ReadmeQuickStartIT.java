package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's quick start, run as it stands: the code block that starts with reading the admin key
 * is fed line by line to one bash, in the repository's root, against a launcher with the example
 * plugins. Two things are changed, and only these: the port ({@code 127.0.0.1:8080} becomes the
 * test's) and where {@code data/credentials.properties} is (the test's home). Every command's
 * answer must match the lines README shows after it, {@code ...} standing for anything; a command
 * whose answer does not match yet is run again for a while, since some answers (a job's) come later.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadmeQuickStartIT {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final String FIRST_LINE = "KEY=$(sed -n 's/^admin.api.key=//p' data/credentials.properties)";
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String DONE = "@@@ quick start step done";

    /** One command of the block (with its continuation lines) and the answer README shows for it. */
    record Step(String command, List<String> expected) {
    }

    @TempDir
    static Path home;

    private RunningLauncher launcher;

    @BeforeAll
    void start() throws Exception {
        for (String plugin : List.of("hello.jar", "analytics.jar", "dashboard.jar")) {
            RunningLauncher.deploy(home, plugin);
        }
        launcher = RunningLauncher.ready(home);
        new GuardApi(launcher.baseUrl() + "/api/v1", launcher.credential("admin.api.key"))
                .awaitSettled(List.of("hello.jar", "analytics.jar", "dashboard.jar"), SETTLE);
    }

    @AfterAll
    void stop() throws Exception {
        if (launcher != null) {
            launcher.terminate(Duration.ofSeconds(15));
            launcher.close();
        }
    }

    @Test
    void everyCommandOfTheQuickStartAnswersAsReadmeShows() throws Exception {
        List<Step> steps = steps(Files.readAllLines(REPOSITORY.resolve("README.md")));
        assertTrue(steps.size() >= 6, "the quick start has its commands: " + steps);
        String port = launcher.baseUrl().substring(launcher.baseUrl().lastIndexOf(':') + 1);
        Process bash = new ProcessBuilder("bash", "--noprofile", "--norc").directory(REPOSITORY.toFile())
                .redirectErrorStream(true).start();
        try (Writer in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
             BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(), StandardCharsets.UTF_8))) {
            for (Step step : steps) {
                String command = step.command().replace("127.0.0.1:8080", "127.0.0.1:" + port)
                        .replace("data/credentials.properties", home.resolve("data/credentials.properties").toString());
                long deadline = System.nanoTime() + SETTLE.toNanos();
                List<String> answer;
                do {
                    answer = run(in, out, command);
                } while (!matches(step.expected(), answer) && !step.command().contains("=$(") && System.nanoTime() < deadline
                        && pause());
                if (!matches(step.expected(), answer)) {
                    fail("README's command\n" + step.command() + "\nanswered\n" + String.join("\n", answer)
                            + "\ninstead of\n" + String.join("\n", step.expected()));
                }
            }
            in.write("exit\n");
            in.flush();
            assertTrue(bash.waitFor(10, TimeUnit.SECONDS));
        } finally {
            bash.destroyForcibly();
        }
    }

    /** The commands of the block and the lines after each that are its answer (those starting with '{'). */
    static List<Step> steps(List<String> readme) {
        int first = readme.indexOf(FIRST_LINE);
        assertTrue(first >= 0, "README has the quick start block starting with " + FIRST_LINE);
        List<Step> steps = new ArrayList<>();
        StringBuilder command = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (int i = first; !readme.get(i).startsWith("```"); i++) {
            String line = readme.get(i);
            if (line.startsWith("{")) {
                expected.add(line);
                continue;
            }
            boolean continues = command.length() > 0 && command.charAt(command.length() - 1) == '\\';
            if (!continues && command.length() > 0) {
                steps.add(new Step(command.toString(), List.copyOf(expected)));
                command.setLength(0);
                expected.clear();
            }
            if (line.startsWith("#")) {
                continue; // a comment for the reader
            }
            command.append(command.length() > 0 ? "\n" : "").append(line);
        }
        steps.add(new Step(command.toString(), List.copyOf(expected)));
        return steps;
    }

    private static List<String> run(Writer in, BufferedReader out, String command) throws IOException {
        in.write(command + "\necho; echo '" + DONE + "'\n");
        in.flush();
        List<String> lines = new ArrayList<>();
        for (String line = out.readLine(); line != null && !line.equals(DONE); line = out.readLine()) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return lines;
    }

    /** Each shown line matches an answered line in order, "..." matching anything. */
    static boolean matches(List<String> expected, List<String> answer) {
        if (expected.size() != answer.size()) {
            return false;
        }
        for (int i = 0; i < expected.size(); i++) {
            String regex = String.join(".*", java.util.Arrays.stream(expected.get(i).split("\\.\\.\\.", -1))
                    .map(Pattern::quote).toList());
            if (!answer.get(i).matches(regex)) {
                return false;
            }
        }
        return true;
    }

    private static boolean pause() {
        try {
            Thread.sleep(500);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Test
    void theMatchingCanFail() {
        assertTrue(matches(List.of("{\"a\":\"...\",\"b\":2}"), List.of("{\"a\":\"x y\",\"b\":2}")));
        assertEquals(false, matches(List.of("{\"a\":\"...\",\"b\":2}"), List.of("{\"a\":\"x\",\"b\":3}")));
        assertEquals(false, matches(List.of("{\"a\":1}"), List.of()));
        assertEquals(List.of(new Step(FIRST_LINE, List.of()), new Step("curl a \\\n  b", List.of("{\"x\":1}")),
                new Step("echo", List.of())),
                steps(List.of(FIRST_LINE, "curl a \\", "  b", "{\"x\":1}", "# note", "echo", "```")));
    }
}
