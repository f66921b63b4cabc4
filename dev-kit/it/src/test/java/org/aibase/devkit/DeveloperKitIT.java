package org.aibase.devkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.aibase.testkit.AIBaseRuntime;
import org.aibase.testkit.ApiResponse;
import org.aibase.testkit.RunningRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A new plugin developer's path, with only what this build installed and Maven offline: the archetype
 * makes a project, {@code mvn verify} builds it and passes its own unit and integration tests (the test
 * kit starts a runtime), {@code aibase install} puts it into a running runtime (the one this class
 * runs against, started empty) where its endpoint answers 200. Five copies of the project, each with one
 * mistake, fail {@code mvn package} with the validator's message naming the file, the field and the fix.
 * The archetype's other kinds ({@code llm}, {@code storage-jobs}) build, pass their unit tests and validate.
 */
@AIBaseRuntime
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeveloperKitIT {

    private static final String ID = "sentiment";
    private static Path work;
    private static Path project;

    @BeforeAll
    static void generate() throws Exception {
        work = Files.createDirectories(Path.of(System.getProperty("aibase.test.work", "target/aibase-test"))
                .resolve("dev-kit-" + System.currentTimeMillis()));
        NestedMaven.Run generated = NestedMaven.run(work, work.resolve("generate.log"),
                // the plugin by its coordinates: offline, a prefix needs repository metadata the build never fetched
                "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.version") + ":generate",
                "-DarchetypeGroupId=org.aibase", "-DarchetypeArtifactId=aibase-plugin-archetype",
                "-DarchetypeVersion=" + System.getProperty("aibase.version"), "-DpluginId=" + ID, "-DinteractiveMode=false")
                .succeeded();
        progress("archetype:generate", generated);
        project = work.resolve(ID);
        assertTrue(Files.isRegularFile(project.resolve("src/main/resources/plugin.yaml")), "no plugin.yaml in " + project);
        assertTrue(Files.readString(project.resolve("pom.xml")).contains("<artifactId>aibase-plugin-parent</artifactId>"));
    }

    @Test
    @Order(1)
    void theGeneratedPluginPassesItsTestsAndServesInARunningRuntime(RunningRuntime runtime) throws Exception {
        Path built = copy(project, work.resolve("built"));
        NestedMaven.Run verify = NestedMaven.run(built, work.resolve("verify.log"), "verify").succeeded();
        progress("mvn -o verify of the generated plugin", verify);
        assertTrue(verify.output().contains("sentiment-1.0.0.jar: valid (sentiment 1.0.0), 0 error(s)"), verify.tail());
        assertTrue(verify.output().contains("Tests run: 2, Failures: 0, Errors: 0, Skipped: 0, Time elapsed"), "unit tests: " + verify.tail());
        assertTrue(verify.output().contains("in org.example.sentiment.GreetingIT"), "integration tests: " + verify.tail());

        Path jar = built.resolve("target/sentiment-1.0.0.jar");
        long started = System.nanoTime();
        Process install = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("aibase.runtime.jar"), "install", jar.toString(), "--url", runtime.baseUrl(),
                "--key", runtime.adminKey()).redirectErrorStream(true).start();
        String said = new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, install.waitFor(), "aibase install: " + said);

        ApiResponse greeting = awaitOk(runtime, "/api/v1/" + ID + "/greeting?name=Ada");
        System.out.printf(Locale.ROOT, "[dev-kit] aibase install to the first 200: %.1f s%n", (System.nanoTime() - started) / 1e9);
        assertEquals("Hello, Ada!", greeting.json().path("message").asText(), greeting.body());
        assertEquals("active", runtime.call("GET", "/api/v1/plugins/" + ID, null).json().path("state").asText());
    }

    @Test
    @Order(2)
    void eachMistakeFailsThePackageWithTheValidatorsMessage() throws Exception {
        List<Mistake> mistakes = List.of(
                new Mistake("wrong-id", "src/main/resources/plugin.yaml",
                        text -> text.replaceFirst("(?m)^id: sentiment ", "id: \"Sentiment!\" "),
                        "plugin.yaml/id: 'Sentiment!' is not a plugin id (allowed: [a-z][a-z0-9_]{1,39}"),
                new Mistake("version-1.0", "src/main/resources/plugin.yaml",
                        text -> text.replaceFirst("(?m)^version: 1\\.0\\.0 ", "version: \"1.0\" "),
                        "plugin.yaml/version: '1.0' is not a version (allowed: a version X.Y.Z"),
                new Mistake("system-exit", "src/main/java/org/example/sentiment/GreetingResource.java",
                        text -> text.replace("        return Map.of(\"message\", greeter.greet(name));",
                                "        if (\"exit\".equals(name)) {\n            System.exit(0);\n        }\n"
                                        + "        return Map.of(\"message\", greeter.greet(name));"),
                        "org/example/sentiment/GreetingResource.class: org.example.sentiment.GreetingResource.greet(String) "
                                + "uses java.lang.System.exit, which stops the whole platform (allowed: "),
                new Mistake("no-http", "src/main/resources/plugin.yaml",
                        text -> text.replaceFirst("(?m)^permissions: \\[http\\] ", "permissions: [] "),
                        "component org.example.sentiment.GreetingResource is a @PluginEndpoint resource, but the plugin does "
                                + "not ask for the 'http' permission: it would never be served (allowed: 'http' in plugin.yaml's permissions)"),
                new Mistake("config-name", null, text -> text.replace("max__text__length", "max_text_length"),
                        "typed configuration org.example.sentiment.PluginConfiguration: DS reads max_text_length() from the "
                                + "property 'max.text.length', but plugin.yaml's defaults declare 'max_text_length'",
                        "(allowed: name the element max__text__length()"));

        ExecutorService builds = Executors.newFixedThreadPool(3);
        try {
            List<Future<NestedMaven.Run>> runs = new ArrayList<>();
            for (Mistake mistake : mistakes) {
                Path copy = copy(project, work.resolve("mistake-" + mistake.name()));
                mistake.applyTo(copy);
                runs.add(builds.submit(() -> NestedMaven.run(copy, work.resolve("mistake-" + mistake.name() + ".log"), "package")));
            }
            for (int i = 0; i < mistakes.size(); i++) {
                Mistake mistake = mistakes.get(i);
                NestedMaven.Run run = runs.get(i).get();
                progress("mvn -o package with the mistake " + mistake.name(), run);
                assertNotEquals(0, run.exitCode(), mistake.name() + " built:\n" + run.tail());
                assertTrue(run.output().contains("aibase-maven-plugin:" + System.getProperty("aibase.version") + ":validate"),
                        mistake.name() + " failed before the validator ran:\n" + run.tail());
                assertTrue(run.output().contains("sentiment-1.0.0.jar: invalid"), mistake.name() + ":\n" + run.tail());
                for (String expected : mistake.messages()) {
                    assertTrue(run.output().contains("[ERROR]   error   ") && run.output().contains(expected),
                            mistake.name() + " does not say \"" + expected + "\":\n" + run.tail());
                }
            }
        } finally {
            builds.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void theOtherKindsBuildAndValidateAsGenerated() throws Exception {
        ExecutorService builds = Executors.newFixedThreadPool(2);
        try {
            Map<String, Future<NestedMaven.Run>> runs = new LinkedHashMap<>();
            for (String kind : List.of("llm", "storage-jobs")) {
                String id = "kind_" + kind.replace("-", "_");
                NestedMaven.run(work, work.resolve("generate-" + kind + ".log"),
                        "org.apache.maven.plugins:maven-archetype-plugin:" + System.getProperty("archetype.version") + ":generate",
                        "-DarchetypeGroupId=org.aibase", "-DarchetypeArtifactId=aibase-plugin-archetype",
                        "-DarchetypeVersion=" + System.getProperty("aibase.version"), "-DpluginId=" + id, "-Dkind=" + kind,
                        "-DinteractiveMode=false").succeeded();
                runs.put(kind, builds.submit(() -> NestedMaven.run(work.resolve(id), work.resolve("package-" + kind + ".log"), "package")));
            }
            for (Map.Entry<String, Future<NestedMaven.Run>> kind : runs.entrySet()) {
                NestedMaven.Run run = kind.getValue().get().succeeded();
                progress("mvn -o package of kind " + kind.getKey(), run);
                String id = "kind_" + kind.getKey().replace("-", "_");
                assertTrue(run.output().contains(id + "-1.0.0.jar: valid (" + id + " 1.0.0), 0 error(s)"), run.tail());
                assertTrue(run.output().contains("Failures: 0, Errors: 0"), "unit tests: " + run.tail());
            }
        } finally {
            builds.shutdownNow();
        }
    }

    /** One mistake: a change to one file ({@code null}: every Java file) and what the build must say. */
    private record Mistake(String name, String file, UnaryOperator<String> change, String... messages) {

        void applyTo(Path copy) throws IOException {
            List<Path> files;
            if (file != null) {
                files = List.of(copy.resolve(file));
            } else {
                try (Stream<Path> all = Files.walk(copy.resolve("src"))) {
                    files = all.filter(p -> p.toString().endsWith(".java")).toList();
                }
            }
            boolean changed = false;
            for (Path path : files) {
                String before = Files.readString(path);
                String after = change.apply(before);
                if (!after.equals(before)) {
                    Files.writeString(path, after);
                    changed = true;
                }
            }
            assertTrue(changed, "the mistake " + name + " changed nothing in " + files + ": did the archetype change?");
        }
    }

    private static ApiResponse awaitOk(RunningRuntime runtime, String path) throws InterruptedException {
        ApiResponse last = null;
        for (int i = 0; i < 300; i++) {
            last = runtime.call("GET", path, null);
            if (last.status() == 200) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError(path + " did not answer 200 within 30 s: " + last.status() + " " + last.body());
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(source -> {
                Path target = to.resolve(from.relativize(source).toString());
                try {
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }

    private static void progress(String step, NestedMaven.Run run) {
        System.out.printf(Locale.ROOT, "[dev-kit] %s: exit %d in %.1f s (log %s)%n", step, run.exitCode(), run.seconds(), run.log());
    }
}
