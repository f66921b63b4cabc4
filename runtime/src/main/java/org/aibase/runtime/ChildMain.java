package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aibase.isolation.child.ChildProtocol;
import org.apache.felix.framework.Felix;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * The JVM of one isolated plugin, started by the runtime (never by hand): a small Felix with SCR, the
 * API, Jersey, Jackson, the child host and the plugin. Arguments: the plugin's id, its JAR (or
 * {@link ChildProtocol#NO_PLUGIN}: a JVM the runtime starts only to record the classes of one), a folder
 * for the framework's cache, how many calls it serves at once, a JSON file with its configuration, what it
 * registers ({@link ChildProtocol#EXPECTS_PROPERTY}), where the runtime offers it the platform's services and
 * which ones ({@link ChildProtocol#SERVICES_PROPERTY}); the secret of the channel comes in the
 * environment ({@link ChildProtocol#SECRET_VARIABLE}), never on a command line others can read. When the runtime's
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
        haltWhenTheRuntimeGoes();
        JERSEY_LOG.setLevel(java.util.logging.Level.SEVERE);
        try {
            run(args);
        } catch (Exception | LinkageError e) {
            // a JVM whose plugin cannot run must end, not linger on the framework's threads
            System.err.println("The JVM of plugin '" + args[0] + "' cannot run it: " + e);
            e.printStackTrace();
            Runtime.getRuntime().halt(4);
        }
    }

    private static void run(String[] args) throws Exception {
        String pluginId = args[0];
        boolean noPlugin = args[1].equals(ChildProtocol.NO_PLUGIN);
        Path cache = Path.of(args[2]);
        Map<String, String> properties = new HashMap<>();
        properties.put("org.osgi.framework.storage", cache.toString());
        properties.put("org.osgi.framework.storage.clean", "onFirstInit");
        properties.put("org.osgi.framework.system.packages.extra", "com.sun.net.httpserver,com.sun.management");
        properties.put("felix.log.level", "1");
        properties.put(ChildProtocol.PLUGIN_PROPERTY, pluginId);
        properties.put(ChildProtocol.SECRET_PROPERTY, System.getenv(ChildProtocol.SECRET_VARIABLE));
        properties.put(ChildProtocol.THREADS_PROPERTY, args[3]);
        properties.put(ChildProtocol.CONFIG_PROPERTY, args[4]);
        properties.put(ChildProtocol.EXPECTS_PROPERTY, args[5]);
        properties.put(ChildProtocol.RUNTIME_PROPERTY, args[6]);
        properties.put(ChildProtocol.SERVICES_PROPERTY, args[7]);
        properties.put(ChildProtocol.NO_PLUGIN_PROPERTY, String.valueOf(noPlugin));
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
        bundles.addAll(PlatformBundleSet.embedded(PlatformBundleSet.CHILD_FOLDER));
        for (PlatformBundle bundle : bundles) {
            try (InputStream in = bundle.content().open()) {
                Bundle installed = system.installBundle(bundle.location(), in);
                if (!bundle.isFragment()) {
                    started.add(installed);
                }
            }
        }
        for (Bundle bundle : started) {
            bundle.start();
        }
        if (!noPlugin) {
            Bundle plugin;
            try (InputStream in = Files.newInputStream(Path.of(args[1]))) {
                plugin = system.installBundle("aibase:isolated/" + pluginId, in);
            }
            plugin.start();
        }
        framework.waitForStop(0);
    }

    /** Standard input is the runtime's pipe: its end is the runtime's end, and then this JVM's. */
    private static void haltWhenTheRuntimeGoes() {
        Thread watch = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // nothing is sent; reading only waits for the end
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
