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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.isolation.IsolatedJvms;
import org.aibase.isolation.JvmFigures;
import org.aibase.isolation.child.ChildProtocol;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.Quarantines;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * Runs every plugin with {@code security: isolated} in a JVM of its own. The deployer installs such a
 * plugin as a stand-in bundle without its code (its descriptor, pages and templates, and its JAR as
 * an entry, see {@link ChildProtocol#STUB_HEADER}), so the runtime's framework never loads a class of
 * it; this component starts the plugin's JVM when the stand-in starts and stops it when it stops, and
 * registers for the stand-in what the platform serves of a plugin: its URL space (forwarded to the
 * JVM) and its tasks. Registered before the stand-in's start completes, they are there when the HTTP
 * host builds the plugin's route, so the plugin is "active" exactly when a request reaches its JVM.
 * The JVM gets the plugin's configuration at its start; when the configuration changes, a new JVM
 * starts with it and takes over once it serves.
 */
@Component(immediate = true, service = { ConfigurationListener.class, IsolatedJvms.class },
        configurationPid = IsolationConfiguration.PID)
@Designate(ocd = IsolationConfiguration.class)
public final class IsolatedPlugins implements SynchronousBundleListener, ConfigurationListener, IsolatedJvms {

    private static final Logger LOG = LoggerFactory.getLogger(IsolatedPlugins.class);
    /** Heap a child needs besides the plugin's own: Felix, SCR, Jersey, Jackson (measured: ~40 MB live). */
    static final long BASE_HEAP_BYTES = 64L << 20;
    /** The governor's default runaway grace: work still running this long after its interrupt is a runaway. */
    private static final Duration RUNAWAY_GRACE = Duration.ofSeconds(5);
    private static final String PLUGIN_PID_PREFIX = "aibase.plugin.";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final BundleContext context;
    private final PluginLimits limits;
    private final Quarantines quarantines;
    private final PluginConfigurations configurations;
    private final OkHttpClient http = new OkHttpClient.Builder().connectionPool(new ConnectionPool(64, 1, TimeUnit.MINUTES))
            .dispatcher(unlimited()).readTimeout(Duration.ZERO).retryOnConnectionFailure(false).followRedirects(false).build();
    private final CallsInFlight calls = new CallsInFlight();
    /** Numbers the JVMs started for plugins, for their framework caches. */
    private final AtomicLong jvms = new AtomicLong();
    /** Event streams from plugins' JVMs to their callers, a thread each while they last. */
    private final ExecutorService streams = Executors.newCachedThreadPool(
            PlatformThreads.named("aibase-isolated-stream", IsolatedPlugins.class.getClassLoader()));
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            PlatformThreads.named("aibase-isolated-supervisor", IsolatedPlugins.class.getClassLoader()));
    private final Map<Long, Running> running = new ConcurrentHashMap<>();
    private final RuntimeServices services;
    /** The program that starts a JVM with its address-space limit, where the machine has it. */
    private final Optional<Path> prlimit = onPath("prlimit");
    /** The {@code java} program and class path of every child: the runtime's own. */
    private final String java = ProcessHandle.current().info().command().orElse("java");
    private final String classPath = System.getProperty("java.class.path");
    /** Where the class-data archive and the JVM recording it live. */
    private final Path classDataFolder;
    private final ClassDataArchive classData;
    private final ChildLauncher launcher;
    private final CpuQuotas quotas = CpuQuotas.detect();

    /** A started stand-in: its plugin, its JVM's supervisor, what is registered for it and the files it was given. */
    private record Running(String pluginId, ChildSupervisor supervisor, List<ServiceRegistration<?>> registrations, Path jar,
            Path configuration) {
    }

    @Activate
    public IsolatedPlugins(BundleContext context, IsolationConfiguration configuration, @Reference PluginLimits limits,
            @Reference Quarantines quarantines, @Reference PluginConfigurations configurations) {
        this.context = context;
        this.limits = limits;
        this.quarantines = quarantines;
        this.configurations = configurations;
        this.classDataFolder = context.getDataFile("class-data").toPath();
        this.classData = new ClassDataArchive(classDataFolder, java, classPath);
        try {
            this.launcher = new ChildLauncher(context.getDataFile("children").toPath(), classData, this::recorderLaunch,
                    http, streams, configuration.spare_jvm());
        } catch (IOException e) {
            throw new IllegalStateException("the folder of isolated plugins' JVMs cannot be written", e);
        }
        try {
            this.services = new RuntimeServices(calls);
        } catch (IOException e) {
            throw new IllegalStateException("the service endpoint of isolated plugins cannot listen on 127.0.0.1", e);
        }
        LOG.info("Isolated plugins run in JVMs of their own: heap (-Xmx = limits.memory + {} MB), processors "
                + "(-XX:ActiveProcessorCount from limits.cpu), exit on OutOfMemoryError; address space (heap + 1 GiB): {}; "
                + "CPU quota: {}; spare JVM: {}", BASE_HEAP_BYTES >> 20,
                prlimit.map(p -> "applied with " + p).orElse("not applied (prlimit not found)"), quotas.describe(),
                spareJvm(configuration));
        context.addBundleListener(this);
        for (Bundle bundle : context.getBundles()) {
            if ((bundle.getState() & (Bundle.STARTING | Bundle.ACTIVE)) != 0) {
                started(bundle);
            }
        }
    }

    @Modified
    void modified(IsolationConfiguration configuration) {
        launcher.keepSpare(configuration.spare_jvm());
        LOG.info("Isolated plugins' spare JVM: {}", spareJvm(configuration));
    }

    private static String spareJvm(IsolationConfiguration configuration) {
        return configuration.spare_jvm() ? "kept warm once an isolated plugin runs (" + IsolationConfiguration.PID
                + ": spare.jvm=false to go without)" : "none (" + IsolationConfiguration.PID + ": spare.jvm=false)";
    }

    @Deactivate
    void deactivate() {
        context.removeBundleListener(this);
        new ArrayList<>(running.keySet()).forEach(this::stopped);
        launcher.close();
        classData.close();
        quotas.close();
        services.close();
        timer.shutdownNow();
        streams.shutdownNow();
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
        Path configuration = jar.resolveSibling(plugin.id() + "-" + bundle.getBundleId() + "-configuration.json");
        try {
            writeConfiguration(plugin.id(), configuration);
        } catch (IOException e) {
            LOG.error("Plugin '{}' cannot run in its own JVM: its configuration cannot be written ({})", plugin.id(),
                    e.toString());
            return;
        }
        AtomicReference<ChildSupervisor> self = new AtomicReference<>(); // a launch happens only once it is set
        ChildSupervisor supervisor = new ChildSupervisor(plugin.id(), secret -> {
            services.admit(secret, bundle, plugin.id(), self.get());
            // a framework cache per JVM, gone with it: a JVM renewed beside the serving one must not clean that one's
            Path cache = jar.resolveSibling(plugin.id() + "-" + bundle.getBundleId() + "-" + jvms.incrementAndGet() + "-cache");
            return new ChildProcess.Launch(plugin.id(), jar, cache, configuration, expects(plugin), services.url(),
                grantedServices(plugin),
                effective.memoryBytes().orElse(256L << 20) + BASE_HEAP_BYTES,
                (int) Math.max(1, Math.ceil(effective.cpu().orElse(1.0))), effective.concurrency().orElse(16), secret,
                java, classPath, prlimit, classData.options());
        }, launcher, pid -> quotas.confine(plugin.id(), pid, effective.cpu().orElse(1.0)), http, timer, quarantines, RUNAWAY_GRACE,
                timeout);
        self.set(supervisor);
        List<ServiceRegistration<?>> registrations = new ArrayList<>();
        if (plugin.hasPermission(Permission.HTTP)) {
            Dictionary<String, Object> endpoint = new Hashtable<>();
            endpoint.put(PluginEndpoint.PROPERTY, plugin.id());
            registrations.add(own.registerService(ForwardingResource.class,
                    new ForwardingResource(plugin.id(), bundle.getBundleId(), supervisor, calls, streams), endpoint));
        }
        if (!plugin.tasks().isEmpty()) {
            registrations.add(own.registerService(Plugin.class, new ChildTasks(plugin.id(), bundle.getBundleId(), supervisor, calls), null));
        }
        running.put(bundle.getBundleId(), new Running(plugin.id(), supervisor, registrations, jar, configuration));
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
        services.forget(bundleId);
        try {
            Files.deleteIfExists(stopped.configuration());
            Files.deleteIfExists(stopped.jar());
        } catch (IOException e) {
            LOG.debug("The JAR copy {} stays: {}", stopped.jar(), e.toString());
        }
    }

    /** A JVM without plugin that records the class-data archive (see {@link ClassDataArchive}). */
    private ChildProcess.Launch recorderLaunch(List<String> classDataOptions) {
        Path configuration = classDataFolder.resolve("recorder-configuration.json");
        try {
            Files.writeString(configuration, "{}");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ChildProcess.Launch(ClassDataArchive.RECORDER_ID, Path.of(ChildProtocol.NO_PLUGIN),
                classDataFolder.resolve("recorder-cache"), configuration, "", "-", "-", BASE_HEAP_BYTES, 1, 4,
                ChildSupervisor.newSecret(), java, classPath, Optional.empty(),
                classDataOptions);
    }

    private static Optional<Path> onPath(String program) {
        for (String folder : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!folder.isEmpty() && Files.isExecutable(Path.of(folder, program))) {
                return Optional.of(Path.of(folder, program));
            }
        }
        return Optional.empty();
    }

    /** The platform services the plugin's JVM offers it, through the runtime (see {@link RuntimeServices}). */
    private static String grantedServices(PluginDescriptor plugin) {
        List<String> granted = new ArrayList<>();
        if (plugin.hasPermission(Permission.LLM)) {
            granted.add("llm");
        }
        if (plugin.hasPermission(Permission.JOBS)) {
            granted.add("jobs");
        }
        return granted.isEmpty() ? "-" : String.join(",", granted);
    }

    /**
     * Jobs' attempts run on the dispatcher's threads for as long as they last, so it queues none: the
     * job engine already admits at most each plugin's concurrency.
     */
    private static Dispatcher unlimited() {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(Integer.MAX_VALUE);
        dispatcher.setMaxRequestsPerHost(Integer.MAX_VALUE);
        return dispatcher;
    }

    /** What the plugin's JVM waits for before it serves (see {@link ChildProtocol#EXPECTS_PROPERTY}). */
    private static String expects(PluginDescriptor plugin) {
        List<String> expected = new ArrayList<>();
        if (plugin.hasPermission(Permission.HTTP)) {
            expected.add("endpoints");
        }
        if (!plugin.tasks().isEmpty()) {
            expected.add("tasks");
        }
        return expected.isEmpty() ? "-" : String.join(",", expected);
    }

    @Override
    public Optional<JvmFigures> figures(String pluginId) {
        return running.values().stream().filter(plugin -> plugin.pluginId().equals(pluginId)).findFirst()
                .flatMap(plugin -> plugin.supervisor().figures());
    }

    /** A plugin's configuration changed: a running isolated plugin gets a new JVM with it. */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (pid == null || !pid.startsWith(PLUGIN_PID_PREFIX)) {
            return;
        }
        String id = pid.substring(PLUGIN_PID_PREFIX.length());
        for (Running plugin : running.values()) {
            if (plugin.pluginId().equals(id)) {
                timer.execute(() -> {
                    try {
                        writeConfiguration(id, plugin.configuration());
                        plugin.supervisor().renew();
                    } catch (IOException e) {
                        LOG.error("Plugin '{}' keeps its JVM and configuration: the new one cannot be written ({})", id,
                                e.toString());
                    }
                });
            }
        }
    }

    /** The plugin's effective configuration (its defaults overlaid with the operator's values), as its JVM reads it. */
    private void writeConfiguration(String pluginId, Path file) throws IOException {
        Map<String, Object> values;
        try {
            values = configurations.effective(pluginId);
        } catch (PluginConfigurationException e) {
            values = Map.of(); // none known (yet): the plugin's components see their own defaults
        }
        Path written = file.resolveSibling(file.getFileName() + ".new");
        JSON.writeValue(written.toFile(), values);
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
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
