package org.aibase.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Arrays;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.framework.startlevel.FrameworkStartLevel;

/** One run of AI Base: starts the embedded Felix stage by stage, saying what it does, and stops it. */
final class PlatformRuntime {

    static final Duration STAGE_TIMEOUT = Duration.ofSeconds(60);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final LaunchOptions options;
    private final PrintStream out;
    private Framework framework;

    PlatformRuntime(LaunchOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Starts everything and returns once AI Base is ready; throws with a message fit for the user. */
    void start() throws IOException, BundleException, InterruptedException, StartupException {
        RuntimeHome home = new RuntimeHome(options.home()).prepare();
        PortCheck.ensureFree(options.effectiveHost(), options.effectivePort());
        ConsoleCredentials console = ConsoleCredentials.loadOrCreate(home.credentials());
        say("Home " + home.root() + " (deploy/, config/, data/)");
        say("Web Console user '" + console.username() + "' and password, and the first admin API key, in " + home.credentials());

        long started = System.nanoTime();
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
                .orElseThrow(() -> new StartupException("no OSGi framework on the class path"));
        framework = factory.newFramework(FrameworkProperties.of(options, home, console));
        framework.init();
        BundleContext context = framework.getBundleContext();
        context.addFrameworkListener(this::reportError);
        // everything is installed after init() and before start(), so the SpiFly fragment attaches
        PlatformBundleInstaller.Summary summary = new PlatformBundleInstaller(context,
                home.data().resolve("platform-bundles.properties")).synchronize(PlatformBundleSet.embedded());
        framework.start();
        say("Framework started: Felix " + framework.getVersion() + ", " + summary + " in " + millisSince(started) + " ms");

        raiseStartLevel(StartLevels.HOST_BUNDLES);
        say("Host bundles started: " + activeBundles(context) + " of " + context.getBundles().length
                + " bundles active in " + millisSince(started) + " ms");

        // HTTP and then the plugins start in one go; the stages are reported as they complete,
        // so plugins come up while Jetty and the HTTP host initialise rather than after them
        FrameworkSignals signals = new FrameworkSignals(context);
        CountDownLatch pluginsStarted = raiseStartLevelAsync(StartLevels.PLUGINS);
        if (!signals.await(FrameworkSignals.HTTP_SERVING, STAGE_TIMEOUT)) {
            throw new StartupException("HTTP did not come up on " + url() + " within " + STAGE_TIMEOUT.toSeconds() + " s");
        }
        say("HTTP listening at " + url() + " (Web Console at " + url() + "/system/console) in "
                + millisSince(started) + " ms");

        awaitStartLevel(pluginsStarted, StartLevels.PLUGINS);
        say("Plugins started: " + activePlugins(context) + " of " + plugins(context) + " active in "
                + millisSince(started) + " ms");

        // the HTTP host says when the API and every started plugin are served
        if (!signals.await(FrameworkSignals.READY, STAGE_TIMEOUT)) {
            throw new StartupException("the started plugins were not all served within "
                    + STAGE_TIMEOUT.toSeconds() + " s; see " + url() + "/api/v1/health");
        }
        long sinceJvmStart = ManagementFactory.getRuntimeMXBean().getUptime();
        say("AI Base ready at " + url() + " in " + sinceJvmStart + " ms (" + activePlugins(context) + " plugins active)");
    }

    /** Blocks until the framework has stopped, for whatever reason. */
    void awaitStop() throws InterruptedException {
        framework.waitForStop(0);
    }

    /** Stops the framework cleanly; true when it stopped within the time allowed. */
    boolean stop() throws InterruptedException {
        if (framework == null) {
            return true;
        }
        try {
            framework.stop();
        } catch (BundleException e) {
            out.println("Stopping the framework failed: " + e.getMessage());
            return false;
        }
        return framework.waitForStop(STOP_TIMEOUT.toMillis()).getType() == FrameworkEvent.STOPPED;
    }

    private void raiseStartLevel(int level) throws InterruptedException, StartupException {
        awaitStartLevel(raiseStartLevelAsync(level), level);
    }

    private CountDownLatch raiseStartLevelAsync(int level) {
        CountDownLatch reached = new CountDownLatch(1);
        framework.adapt(FrameworkStartLevel.class).setStartLevel(level, event -> reached.countDown());
        return reached;
    }

    private static void awaitStartLevel(CountDownLatch reached, int level) throws InterruptedException, StartupException {
        if (!reached.await(STAGE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new StartupException("start level " + level + " was not reached within " + STAGE_TIMEOUT.toSeconds() + " s");
        }
    }

    private void reportError(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR) {
            Throwable cause = event.getThrowable();
            out.println("Bundle " + event.getBundle().getSymbolicName() + " failed: "
                    + (cause == null ? "unknown error" : cause.getMessage()));
        }
    }

    private String url() {
        String host = options.effectiveHost();
        return "http://" + (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":"
                + options.effectivePort();
    }

    private void say(String line) {
        out.println(line);
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    private static long activeBundles(BundleContext context) {
        return Arrays.stream(context.getBundles()).filter(b -> b.getState() == Bundle.ACTIVE).count();
    }

    private static long plugins(BundleContext context) {
        return Arrays.stream(context.getBundles()).filter(PlatformRuntime::isPlugin).count();
    }

    static long activePlugins(BundleContext context) {
        return Arrays.stream(context.getBundles())
                .filter(PlatformRuntime::isPlugin)
                .filter(b -> b.getState() == Bundle.ACTIVE)
                .count();
    }

    private static boolean isPlugin(Bundle bundle) {
        return bundle.getHeaders("").get("AIBase-Plugin") != null;
    }

    /** AI Base could not start; the message says why in the user's terms. */
    static final class StartupException extends Exception {
        private static final long serialVersionUID = 1L;

        StartupException(String message) {
            super(message);
        }
    }
}
