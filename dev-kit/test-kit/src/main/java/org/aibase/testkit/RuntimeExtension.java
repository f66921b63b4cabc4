package org.aibase.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link AIBaseRuntime}: one runtime per test class (nested classes share
 * their outer class's), started before its first test and ended after its last.
 */
public final class RuntimeExtension implements BeforeAllCallback, ParameterResolver {

    /** System property: the runtime JAR to start (aibase-plugin-parent copies it to {@code target/aibase-runtime.jar}). */
    public static final String RUNTIME_JAR = "aibase.runtime.jar";
    /** System property: the plugin JAR to deploy (aibase-plugin-parent names the project's built JAR). */
    public static final String PLUGIN_JAR = "aibase.plugin.jar";
    /** System property: the folder the runtimes' homes are made in (default: a temporary folder). */
    public static final String WORK = "aibase.test.work";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(RuntimeExtension.class);
    private static final String SESSION = "session";

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        if (store.get(SESSION) != null) {
            return; // a nested class: its outer class's runtime serves it
        }
        AIBaseRuntime settings = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), AIBaseRuntime.class)
                .orElseThrow(() -> new IllegalStateException("annotate the test class with @AIBaseRuntime"));
        String work = System.getProperty(WORK);
        Path home = newHome(work, context.getRequiredTestClass().getSimpleName());
        // a home under the work folder stays for a look after the tests (mvn clean removes it); a temporary one goes
        store.put(SESSION, Session.start(runtimeJar(), pluginJar(), home, work == null, settings));
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningRuntime.class || type == ScriptedLlm.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Session session = context.getStore(NAMESPACE).get(SESSION, Session.class);
        if (session == null) {
            throw new ParameterResolutionException("no AI Base runtime runs for " + context.getDisplayName()
                    + ": annotate the test class with @AIBaseRuntime");
        }
        return parameter.getParameter().getType() == RunningRuntime.class ? session.runtime() : session.llm();
    }

    private static Path runtimeJar() {
        String value = System.getProperty(RUNTIME_JAR);
        if (value == null || !Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + RUNTIME_JAR + " names no file (" + value + "): "
                    + "aibase-plugin-parent sets it for the *IT tests that failsafe runs (mvn verify), after copying "
                    + "org.aibase:aibase-runtime to target/aibase-runtime.jar; elsewhere set it to the runtime JAR");
        }
        return Path.of(value);
    }

    private static Path pluginJar() {
        String value = System.getProperty(PLUGIN_JAR);
        if (value == null) {
            return null;
        }
        if (!Files.isRegularFile(Path.of(value))) {
            throw new IllegalStateException("system property " + PLUGIN_JAR + " names no file (" + value + "): "
                    + "the plugin JAR is built at package, before the integration tests (mvn verify)");
        }
        return Path.of(value);
    }

    private static Path newHome(String work, String testClass) throws IOException {
        String name = testClass + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        if (work == null) {
            return Files.createTempDirectory("aibase-" + name);
        }
        return Files.createDirectories(Path.of(work).resolve(name));
    }

    /**
     * One runtime, its scripted LLM server and the plugin under test; ended when the test class's store
     * closes, and its home deleted then if it is a temporary folder.
     */
    private record Session(RuntimeProcess process, ScriptedLlm llm, RunningRuntime runtime, Path home, boolean temporary)
            implements ExtensionContext.Store.CloseableResource {

        static Session start(Path runtimeJar, Path pluginJar, Path home, boolean temporary, AIBaseRuntime settings)
                throws Exception {
            RuntimeHomeSetup setup = new RuntimeHomeSetup(home);
            ScriptedLlm llm = ScriptedLlm.start();
            RuntimeProcess process = null;
            try {
                setup.scriptedLlm(llm);
                setup.config(settings.config());
                String pluginId = pluginJar == null ? null : setup.deploy(pluginJar);
                process = RuntimeProcess.start(runtimeJar, home);
                Duration timeout = Duration.ofSeconds(settings.startSeconds());
                long started = System.nanoTime();
                process.awaitReady(timeout);
                RunningRuntime runtime = new RunningRuntime(process, pluginId, setup.adminKey());
                if (pluginId != null) {
                    PluginActivation.await(runtime, process, timeout.minusNanos(System.nanoTime() - started));
                }
                return new Session(process, llm, runtime, home, temporary);
            } catch (Exception | Error e) {
                if (process != null) {
                    process.close();
                }
                llm.close();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            try {
                process.close();
            } finally {
                llm.close();
                if (temporary) {
                    delete(home);
                }
            }
        }

        private static void delete(Path folder) throws IOException {
            try (Stream<Path> paths = Files.walk(folder)) {
                for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
