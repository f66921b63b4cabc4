package org.aibase.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import org.aibase.isolation.child.ChildProtocol;
import org.aibase.isolation.child.ChildProtocol.Assignment;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The JVM of one isolated plugin, started by the runtime (never by hand): a small Felix with SCR, the
 * API, Jersey, Jackson, the child host and the plugin. Arguments: the plugin's id, its JAR (or
 * {@link ChildProtocol#NO_PLUGIN}: a JVM that records the classes of one for the class-data archive, or a spare
 * that waits, warm, for the {@link Assignment} of a plugin on standard input), a folder
 * for the framework's cache, how many calls it serves at once, a JSON file with its configuration, what it
 * registers ({@link ChildProtocol#EXPECTS_PROPERTY}), where the runtime offers it the platform's services and
 * which ones ({@link ChildProtocol#SERVICES_PROPERTY}); the secret of the channel comes in the
 * environment ({@link ChildProtocol#SECRET_VARIABLE}) or the assignment, never on a command line others can read. When the runtime's
 * end of standard input closes (the runtime stopped, or died, even by {@code kill -9}) the JVM halts:
 * no orphan outlives its runtime.
 */
public final class ChildMain {

    /**
     * What a child takes of the platform's bundles: the API and what serves Jakarta REST with Jackson. Not
     * SLF4J, which an isolated plugin may not use and nothing here logs with, nor the SPI Fly weaver SLF4J
     * needs: weaving the bundles took ~150 ms of every JVM's start.
     */
    private static final Set<String> FROM_PLATFORM = Set.of(
            "org.apache.felix.scr.jar", "org.osgi.service.component.jar", "org.osgi.util.function.jar",
            "org.osgi.util.promise.jar", "org.apache.felix.configadmin.jar", "aibase-api.jar",
            "org.apache.felix.log.jar",
            "jakarta.ws.rs-api.jar", "jakarta.annotation-api.jar", "jakarta.inject-api.jar", "jakarta.activation-api.jar",
            "jakarta.xml.bind-api.jar", "jakarta.validation-api.jar", "jakarta.persistence-api.jar",
            "jersey-common.jar", "jersey-server.jar", "jersey-client.jar", "jersey-hk2.jar", "jersey-media-sse.jar",
            "jersey-media-jaxb.jar", "hk2-api.jar", "hk2-locator.jar", "hk2-utils.jar", "javassist.jar",
            "aopalliance-repackaged.jar", "osgi-resource-locator.jar", "jackson-core.jar", "jackson-databind.jar",
            "jackson-annotations.jar", "jackson-jakarta-rs-base.jar", "jackson-jakarta-rs-json-provider.jar",
            "jackson-module-jakarta-xmlbind-annotations.jar");

    /** Jersey and HK2 log through java.util.logging: only what is severe reaches the runtime's log. */
    private static final java.util.logging.Logger JERSEY_LOG = java.util.logging.Logger.getLogger("org.glassfish");

    private ChildMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 8 || System.getenv(ChildProtocol.SECRET_VARIABLE) == null) {
            System.err.println("The JVM of an isolated plugin is started by the runtime, not by hand");
            System.exit(2);
        }
        BlockingQueue<String> assignments = new LinkedBlockingQueue<>();
        readTheRuntimesInput(assignments);
        JERSEY_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            run(args, assignments);
        } catch (Exception | LinkageError e) {
            // a JVM whose plugin cannot run must end, not linger on the framework's threads
            System.err.println("The JVM of plugin '" + System.getProperty(ChildProtocol.PLUGIN_PROPERTY, args[0])
                    + "' cannot run it: " + e);
            e.printStackTrace();
            Runtime.getRuntime().halt(4);
        }
    }

    private static void run(String[] args, BlockingQueue<String> assignments) throws Exception {
        boolean noPlugin = args[1].equals(ChildProtocol.NO_PLUGIN);
        Path cache = Path.of(args[2]);
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", cache.toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.system.packages.extra", "com.sun.net.httpserver,com.sun.management");
        properties.put("felix.log.level", "1");
        // system properties, not the framework's own: those could not change when a spare is assigned a plugin
        runWith(new Assignment(args[0], args[1], args[3], args[4], args[5], args[6], args[7],
                System.getenv(ChildProtocol.SECRET_VARIABLE)), noPlugin);
        Felix framework = new Felix(properties);
        framework.start();
        BundleContext system = framework.getBundleContext();
        List<Bundle> started = new ArrayList<>();
        List<PlatformBundle> bundles = new ArrayList<>();
        for (PlatformBundle bundle : PlatformBundleSet.embedded()) {
            if (FROM_PLATFORM.contains(bundle.name())) {
                bundles.add(bundle);
            }
        }
        bundles.sort(PlatformBundleSet.START_ORDER);
        List<PlatformBundle> childHost = PlatformBundleSet.embedded(PlatformBundleSet.CHILD_FOLDER);
        bundles.addAll(childHost);
        List<Bundle> hosts = new ArrayList<>();
        for (PlatformBundle bundle : bundles) {
            try (InputStream in = bundle.content().open()) {
                Bundle installed = system.installBundle(bundle.location(), in);
                if (!bundle.isFragment()) {
                    started.add(installed);
                    if (childHost.contains(bundle)) {
                        hosts.add(installed);
                    }
                }
            }
        }
        for (Bundle bundle : started) {
            bundle.start();
        }
        if (!noPlugin) {
            startPlugin(system, args[0], args[1]);
        }
        while (true) {
            Assignment assignment = Assignment.of(assignments.take());
            if (!noPlugin) {
                System.err.println("A JVM that runs a plugin takes no other; ignored the assignment of '"
                        + assignment.pluginId() + "'");
                continue;
            }
            // a spare, warm (its host served an empty application): its host starts again as the plugin's
            for (int i = hosts.size() - 1; i >= 0; i--) {
                hosts.get(i).stop();
            }
            runWith(assignment, false);
            for (Bundle host : hosts) {
                host.start();
            }
            startPlugin(system, assignment.pluginId(), assignment.jar());
            noPlugin = false;
        }
    }

    /** The child properties its host reads as it starts (see {@link ChildProtocol}). */
    private static void runWith(Assignment assignment, boolean noPlugin) {
        System.setProperty(ChildProtocol.PLUGIN_PROPERTY, assignment.pluginId());
        System.setProperty(ChildProtocol.SECRET_PROPERTY, assignment.secret());
        System.setProperty(ChildProtocol.THREADS_PROPERTY, assignment.threads());
        System.setProperty(ChildProtocol.CONFIG_PROPERTY, assignment.configuration());
        System.setProperty(ChildProtocol.EXPECTS_PROPERTY, assignment.expects());
        System.setProperty(ChildProtocol.RUNTIME_PROPERTY, assignment.runtime());
        System.setProperty(ChildProtocol.SERVICES_PROPERTY, assignment.services());
        System.setProperty(ChildProtocol.NO_PLUGIN_PROPERTY, String.valueOf(noPlugin));
    }

    private static void startPlugin(BundleContext system, String pluginId, String jar) throws Exception {
        Bundle plugin;
        try (InputStream in = Files.newInputStream(Path.of(jar))) {
            plugin = system.installBundle("aibase:isolated/" + pluginId, in);
        }
        plugin.start();
    }

    /**
     * Standard input is the runtime's pipe: it carries a spare's {@link Assignment} (one line), and its
     * end is the runtime's end, and then this JVM's.
     */
    private static void readTheRuntimesInput(BlockingQueue<String> assignments) {
        Thread watch = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    assignments.add(line);
                }
            } catch (IOException e) {
                // the pipe broke: the same as its end
            }
            Runtime.getRuntime().halt(0);
        }, "aibase-child-stdin");
        watch.setDaemon(true);
        watch.start();
    }
}
