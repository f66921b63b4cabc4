package org.aibase.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import sun.misc.Signal;

/**
 * {@code java -jar aibase-runtime.jar [run] [--home DIR] [--port N] [--host ADDR]} and
 * {@code java -jar aibase-runtime.jar validate JAR... [--json]}.
 *
 * <p>Exit status of {@code run}: 0 after a clean stop (also on SIGTERM and Ctrl-C), 1 when AI Base
 * could not start or stop cleanly, 2 for a command line it cannot follow. Of {@code validate}: 0 when
 * every JAR is valid, 1 otherwise, 2 for a command line it cannot follow.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(args));
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "run" : arguments.remove(0);
        if (command.equals("help") || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        if (command.equals("validate")) {
            // outside OSGi: no framework, no logging setup, just the validator
            // the JSON Schema validator logs through SLF4J, which has no provider outside the framework: silence
            // it here only (a provider on the launcher's class path would be found by the framework's SLF4J too)
            System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
            System.setProperty("slf4j.internal.verbosity", "WARN");
            System.exit(new ValidateCommand(System.out, System.err).run(arguments, Path.of("").toAbsolutePath()));
            return;
        }
        if (!command.equals("run")) {
            usageError("unknown command '" + command + "' (allowed: run, validate)");
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments, Path.of("").toAbsolutePath());
        } catch (LaunchOptions.UsageException e) {
            usageError(e.getMessage());
            return;
        }
        try {
            RuntimeLogging.keepFile(new RuntimeHome(options.home()).prepare());
        } catch (java.io.IOException e) {
            System.out.println("AI Base could not start: the home " + options.home() + " cannot be prepared: " + e.getMessage());
            System.exit(1);
        }
        RuntimeLogging.configure();
        System.exit(run(options));
    }

    private static int run(LaunchOptions options) throws InterruptedException {
        PlatformRuntime runtime = new PlatformRuntime(options, System.out);
        // A plain shutdown hook would end with status 143 on SIGTERM; handling the signal lets the
        // framework stop in order and the process exit 0.
        Signal.handle(new Signal("TERM"), signal -> stopFrom(runtime, "SIGTERM"));
        Signal.handle(new Signal("INT"), signal -> stopFrom(runtime, "interrupt"));
        try {
            runtime.start();
        } catch (PlatformRuntime.StartupException e) {
            System.out.println("AI Base could not start: " + e.getMessage());
            runtime.stop();
            return 1;
        } catch (Exception e) {
            System.out.println("AI Base could not start: " + e);
            runtime.stop();
            return 1;
        }
        runtime.awaitStop();
        System.out.println("AI Base stopped");
        return 0;
    }

    private static void stopFrom(PlatformRuntime runtime, String reason) {
        System.out.println("Stopping AI Base (" + reason + ")");
        try {
            if (!runtime.stop()) {
                System.out.println("AI Base did not stop within " + PlatformRuntime.STOP_TIMEOUT.toSeconds() + " s");
                Runtime.getRuntime().halt(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void usageError(String message) {
        System.err.println("aibase: " + message);
        System.err.println(LaunchOptions.USAGE);
        System.exit(2);
    }
}
