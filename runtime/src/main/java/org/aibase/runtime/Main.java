package org.aibase.runtime;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import sun.misc.Signal;

/**
 * {@code aibase} ({@code java -jar aibase-runtime.jar}): {@code run} (the default) starts AI Base;
 * {@code validate}, {@code scan} and {@code new} work on plugin JARs and projects without a runtime; the
 * other commands ({@link #REMOTE}) talk to a running runtime's HTTP API. {@link Usage} lists them all.
 *
 * <p>Exit status of {@code run}: 0 after a clean stop (also on SIGTERM and Ctrl-C), 1 when AI Base
 * could not start or stop cleanly, 2 for a command line it cannot follow. Every other command exits with
 * the statuses of {@link ExitStatus}.
 */
public final class Main {

    /** The environment variable naming the Maven command {@code new} runs (default {@code mvn}). */
    static final String MAVEN_ENV = "AIBASE_MVN";

    static final List<String> REMOTE = List.of("plugins", "status", "install", "start", "stop", "uninstall", "usage",
            "config", "logs");

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<String> arguments = new ArrayList<>(List.of(args));
        String command = arguments.isEmpty() || arguments.get(0).startsWith("--") ? "run" : arguments.remove(0);
        if (command.equals("help") || arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(Usage.TEXT);
            return;
        }
        if (!command.equals("run")) {
            System.exit(command(command, arguments, System.getenv(), Path.of("").toAbsolutePath()));
            return;
        }
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(arguments, Path.of("").toAbsolutePath());
        } catch (LaunchOptions.UsageException e) {
            System.err.println("aibase: " + e.getMessage());
            System.err.println(Usage.TEXT);
            System.exit(ExitStatus.USAGE);
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

    /**
     * Runs every command but {@code run}; returns its exit status. A {@link CommandFailure} is printed as one
     * line on standard error (and, for {@code --json}, the API's error document on standard output).
     */
    static int command(String command, List<String> args, Map<String, String> env, Path workingDirectory)
            throws InterruptedException {
        try {
            return switch (command) {
                case "validate" -> {
                    quietValidatorLogging();
                    yield new ValidateCommand(System.out, System.err).run(args, workingDirectory);
                }
                case "scan" -> {
                    quietValidatorLogging();
                    yield new ScanCommand(System.out).run(args, workingDirectory);
                }
                case "new" -> new NewPluginCommand(System.out, env.getOrDefault(MAVEN_ENV, "mvn")).run(args, workingDirectory);
                case "config" -> new ConfigCommand(System.out, env).run(args);
                case "logs" -> new LogsCommand(System.out, env).run(args);
                default -> {
                    if (!PluginCommands.COMMANDS.contains(command)) {
                        throw CommandFailure.usage("unknown command '" + command + "' (allowed: run, validate, scan, new, "
                                + String.join(", ", REMOTE) + ", help)");
                    }
                    yield new PluginCommands(System.out, env, workingDirectory).run(command, args);
                }
            };
        } catch (CommandFailure failure) {
            if (failure.json() != null && args.contains("--json")) {
                System.out.println(failure.json());
            }
            System.err.println("aibase: " + failure.getMessage());
            if (failure.status() == ExitStatus.USAGE) {
                System.err.println("Run 'aibase --help' for the commands, their options and exit statuses.");
            }
            return failure.status();
        }
    }

    // the validator runs outside OSGi: its JSON Schema library logs through SLF4J, which has no provider
    // here; silence it only for these commands (a provider on the launcher's class path would be found by
    // the framework's SLF4J too)
    private static void quietValidatorLogging() {
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.setProperty("slf4j.internal.verbosity", "WARN");
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
}
