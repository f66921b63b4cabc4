package org.aibase.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the test class against the real AI Base runtime: before the first test, the runtime JAR
 * (system property {@value RuntimeExtension#RUNTIME_JAR}) starts as a process of its own on a free
 * port with a fresh home, the plugin under test ({@value RuntimeExtension#PLUGIN_JAR}, the project's
 * built JAR) in its {@code deploy/} folder and its LLM provider pointed at a {@link ScriptedLlm}; the
 * tests begin once the plugin is active. After the last test the process is ended. Tests and
 * lifecycle methods take {@link RunningRuntime} and {@link ScriptedLlm} as parameters.
 *
 * <pre>
 * &#64;AIBaseRuntime
 * class GreetingIT {
 *     &#64;Test
 *     void greets(RunningRuntime runtime) {
 *         ApiResponse answer = runtime.get("/greeting?name=Ada");
 *         assertEquals(200, answer.status(), answer.body());
 *     }
 * }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(RuntimeExtension.class)
public @interface AIBaseRuntime {

    /** How long the runtime may take to start and the plugin to become active, in seconds. */
    int startSeconds() default 120;

    /**
     * Configuration files written into the runtime's {@code config/} folder before it starts, each
     * {@code "FILE.cfg: key=value, key=value"}; e.g. {@code "aibase.plugin.notes.cfg: max_notes=5"}.
     */
    String[] config() default {};
}
