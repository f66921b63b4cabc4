package org.aibase.isolation.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Quarantines;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;

/**
 * Runs every plugin with {@code security: isolated} in a JVM of its own. The deployer installs such a
 * plugin as a stand-in bundle without its code (its descriptor, pages and templates, and its JAR as
 * an entry, see {@link ChildProtocol#STUB_HEADER}), so the runtime's framework never loads a class of
 * it; this component starts the plugin's JVM when the stand-in starts and stops it when it stops, and
 * registers for the stand-in what the platform serves of a plugin: its URL space (forwarded to the
 * JVM) and its tasks. Registered before the stand-in's start completes, they are there when the HTTP
 * host builds the plugin's route, so the plugin is "active" exactly when a request reaches its JVM.
 */
@Component(immediate = true)
public final class IsolatedPlugins implements SynchronousBundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedPlugins.class);
    /** Heap a child needs besides the plugin's own: Felix, SCR, Jersey, Jackson (measured: ~40 MB live). */
    static final long BASE_HEAP_BYTES = 64L << 20;
    /** The governor's default runaway grace: work still running this long after its interrupt is a runaway. */
    private static final Duration RUNAWAY_GRACE = Duration.ofSeconds(5);

    private final BundleContext context;
    private final PluginLimits limits;
    private final Quarantines quarantines;
    private final OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
            .readTimeout(Duration.ZERO).retryOnConnectionFailure(false).followRedirects(false).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "aibase-isolated-supervisor");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Long, Running> running = new ConcurrentHashMap<>();

    /** A started stand-in: its JVM's supervisor and what is registered for it. */
    private record Running(ChildSupervisor supervisor, List<ServiceRegistration<?>> registrations, Path jar) {
    }

    @Activate
    public IsolatedPlugins(BundleContext context, @Reference PluginLimits limits, @Reference Quarantines quarantines) {
        this.context = context;
        this.limits = limits;
        this.quarantines = quarantines;
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                started(bundle);
            }
        }
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        new ArrayList<>(running.keySet()).forEach(this::stopped);
        timer.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        switch (event.getType()) {
            case BundleEvent.STARTING -> started(event.getBundle());
            case BundleEvent.STOPPING, BundleEvent.UNINSTALLED -> stopped(event.getBundle().getBundleId());
            default -> { }
        }
    }

    /** Whether the bundle is an isolated plugin's stand-in. */
    static boolean isStandIn(Bundle bundle) {
        return bundle.getHeaders("").get(ChildProtocol.STUB_HEADER) != null;
    }

    private void started(Bundle bundle) {
        if (!isStandIn(bundle) || running.containsKey(bundle.getBundleId())) {
            return;
        }
        Optional<PluginDescriptor> found = CallingPlugin.of(bundle).map(CallingPlugin::descriptor);
        BundleContext own = bundle.getBundleContext();
        if (found.isEmpty() || own == null) {
            return;
        }
        PluginDescriptor plugin = found.get();
        Path jar;
        try {
            jar = extract(bundle, plugin.id());
        } catch (IOException e) {
            LOG.error("Plugin '{}' cannot run in its own JVM: its JAR cannot be written ({})", plugin.id(), e.toString());
            return;
        }
        ResourceLimits effective = limits.effective(plugin);
        Duration timeout = effective.timeout().orElse(Duration.ofSeconds(30));
        Path cache = jar.resolveSibling(plugin.id() + "-" + bundle.getBundleId() + "-cache");
        ChildSupervisor supervisor = new ChildSupervisor(plugin.id(), secret -> new ChildProcess.Launch(plugin.id(), jar, cache,
                effective.memoryBytes().orElse(256L << 20) + BASE_HEAP_BYTES,
                (int) Math.max(1, Math.ceil(effective.cpu().orElse(1.0))), effective.concurrency().orElse(16), secret,
                ProcessHandle.current().info().command().orElse("java"), System.getProperty("java.class.path")),
                http, timer, quarantines, RUNAWAY_GRACE);
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        if (plugin.hasPermission(Permission.HTTP)) {
            Dictionary<String, Object> endpoint = new Hashtable<>();
            endpoint.put(PluginEndpoint.PROPERTY, plugin.id());
            registrations.add(own.registerService(ForwardingResource.class,
                    new ForwardingResource(plugin.id(), supervisor, timeout), endpoint));
        }
        if (!plugin.tasks().isEmpty()) {
            registrations.add(own.registerService(Plugin.class, new ChildTasks(plugin.id(), supervisor, timeout), null));
        }
        running.put(bundle.getBundleId(), new Running(supervisor, registrations, jar));
        supervisor.start();
    }

    private void stopped(long bundleId) {
        Running stopped = running.remove(bundleId);
        if (stopped == null) {
            return;
        }
        for (ServiceRegistration<?> registration : stopped.registrations()) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // unregistered with its bundle already
            }
        }
        stopped.supervisor().close();
        try {
            Files.deleteIfExists(stopped.jar());
        } catch (IOException e) {
            LOG.debug("The JAR copy {} stays: {}", stopped.jar(), e.toString());
        }
    }

    /** The plugin's own JAR, out of its stand-in, where its JVM reads it. */
    private Path extract(Bundle bundle, String pluginId) throws IOException {
        URL entry = bundle.getEntry(ChildProtocol.STUB_ENTRY);
        if (entry == null) {
            throw new IOException("the stand-in bundle has no " + ChildProtocol.STUB_ENTRY);
        }
        Path folder = context.getDataFile("children").toPath();
        Files.createDirectories(folder);
        Path jar = folder.resolve(pluginId + "-" + bundle.getBundleId() + "-" + bundle.getLastModified() + ".jar");
        try (InputStream in = entry.openStream()) {
            Files.copy(in, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return jar;
    }
}
