package org.aibase.isolation.child.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import com.sun.net.httpserver.HttpHandler;

import jakarta.ws.rs.ext.RuntimeDelegate;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.jobs.JobService;
import org.aibase.api.llm.LlmService;
import org.aibase.api.plugin.Plugin;
import org.aibase.isolation.child.ChildProtocol;
import org.glassfish.jersey.jdkhttp.JdkHttpHandlerContainerProvider;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.internal.RuntimeDelegateImpl;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The plugin's host inside its own JVM: serves the resources the plugin marks with
 * {@link PluginEndpoint} (its own id) in one Jersey application, rebuilt when they change, and its
 * {@link Plugin} service's tasks and its job handlers ({@link ChildJobs}), to the runtime only (see
 * {@link ChildServer}); it registers the platform services the plugin is granted, each a client of the
 * runtime's ({@link RuntimeLlm}, {@link RuntimeJobs}). It prints the ready
 * line with its port once the plugin has started and its application is built. This bundle is only
 * ever installed in a child's framework: without the child's properties it does nothing.
 */
@Component(immediate = true)
public final class ChildAgent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final long QUIET_MILLIS = 30;

    private final BundleContext context;
    private final String pluginId;
    private final ChildServer server;
    private final ServiceTracker<Object, Object> endpoints;
    private final ServiceTracker<Plugin, Plugin> tasks;
    private final ScheduledExecutorService builds = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread thread = new Thread(work, "aibase-child-build");
        thread.setDaemon(true);
        return thread;
    });
    private final BundleListener started;
    private final Set<String> expects;
    /** A JVM without a plugin ({@link ChildProtocol#NO_PLUGIN}): it serves an application without resources. */
    private final boolean noPlugin;
    private final ServiceRegistration<LlmService> llm;
    private final ServiceRegistration<JobService> jobService;
    private final Optional<ChildJobs> jobs;
    private ScheduledFuture<?> pending;
    private boolean announced;
    private long firstBuildNanos;
    /** The endpoint services the serving application was built with (only the build thread changes it). */
    private volatile List<ServiceReference<Object>> inUse = List.of();

    @Activate
    public ChildAgent(BundleContext context, @Reference ConfigurationAdmin configurations)
            throws IOException, InvalidSyntaxException {
        this.context = context;
        this.pluginId = context.getProperty(ChildProtocol.PLUGIN_PROPERTY);
        String secret = context.getProperty(ChildProtocol.SECRET_PROPERTY);
        if (pluginId == null || secret == null) {
            throw new IllegalStateException("not in an isolated plugin's JVM: " + ChildProtocol.PLUGIN_PROPERTY + " is not set");
        }
        configure(configurations, context.getProperty(ChildProtocol.CONFIG_PROPERTY));
        String runtime = context.getProperty(ChildProtocol.RUNTIME_PROPERTY);
        Set<String> services = Set.of(Optional.ofNullable(context.getProperty(ChildProtocol.SERVICES_PROPERTY)).orElse("")
                .split(","));
        // only for a plugin granted a service: the JDK's HTTP client costs a child ~20 MB of resident memory
        RuntimeChannel channel = runtime == null || runtime.equals("-") || !(services.contains("llm") || services.contains("jobs"))
                ? null : new RuntimeChannel(java.net.URI.create(runtime), secret);
        RunningCalls calls = new RunningCalls();
        this.llm = services.contains("llm") && channel != null
                ? context.registerService(LlmService.class, new RuntimeLlm(channel), null)
                : null;
        this.jobService = services.contains("jobs") && channel != null
                ? context.registerService(JobService.class, new RuntimeJobs(channel), null)
                : null;
        this.jobs = services.contains("jobs") && channel != null ? Optional.of(new ChildJobs(context, channel, calls))
                : Optional.empty();
        // Jakarta REST finds its RuntimeDelegate through ServiceLoader and the context class loader, which
        // in OSGi sees no other bundle's META-INF/services: Jersey's server delegate, once
        RuntimeDelegate.setInstance(new RuntimeDelegateImpl());
        this.noPlugin = Boolean.parseBoolean(context.getProperty(ChildProtocol.NO_PLUGIN_PROPERTY));
        this.expects = Set.of(Optional.ofNullable(context.getProperty(ChildProtocol.EXPECTS_PROPERTY)).orElse("").split(","));
        int threads = Integer.parseInt(Optional.ofNullable(context.getProperty(ChildProtocol.THREADS_PROPERTY)).orElse("16"));
        this.tasks = new ServiceTracker<>(context, Plugin.class, null);
        this.server = new ChildServer(pluginId, secret.getBytes(StandardCharsets.UTF_8), threads, calls,
                () -> Optional.ofNullable(tasks.getService()), jobs);
        this.endpoints = new ServiceTracker<>(context, context.createFilter("(" + PluginEndpoint.PROPERTY + "=" + pluginId + ")"),
                null) {
            @Override
            public Object addingService(ServiceReference<Object> reference) {
                schedule();
                return reference;
            }

            @Override
            public void removedService(ServiceReference<Object> reference, Object service) {
                schedule();
            }
        };
        this.started = event -> {
            if (event.getType() == BundleEvent.STARTED && isPlugin(event.getBundle())) {
                schedule();
            }
        };
        context.addBundleListener(started);
        tasks.open(true);
        endpoints.open(true);
        server.start();
        schedule();
    }

    /**
     * Gives the plugin the configuration the runtime holds for it (its descriptor's defaults overlaid
     * with the operator's values), under its own PID, as in-process: the runtime starts a new JVM when
     * it changes.
     */
    private void configure(ConfigurationAdmin configurations, String file) throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Object> values = JSON.readValue(Path.of(file).toFile(), new TypeReference<Map<String, Object>>() { });
        Dictionary<String, Object> properties = new Hashtable<>();
        values.forEach((key, value) -> {
            if (value != null) {
                properties.put(key, value instanceof List<?> list ? list.stream().map(String::valueOf).toArray(String[]::new) : value);
            }
        });
        configurations.getConfiguration("aibase.plugin." + pluginId, null).update(properties);
    }

    @Deactivate
    void deactivate() {
        if (llm != null) {
            llm.unregister();
        }
        if (jobService != null) {
            jobService.unregister();
        }
        jobs.ifPresent(ChildJobs::close);
        context.removeBundleListener(started);
        builds.shutdownNow();
        server.stop();
        release(inUse);
        endpoints.close();
        tasks.close();
    }

    private void release(List<ServiceReference<Object>> references) {
        for (ServiceReference<Object> reference : references) {
            try {
                context.ungetService(reference);
            } catch (IllegalStateException e) {
                // the agent's context is gone: the framework released them already
            }
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = builds.schedule(() -> {
            try {
                build();
            } catch (RuntimeException | LinkageError e) {
                // on standard error, which the runtime logs with the plugin's id
                System.err.println("The resources of plugin '" + pluginId + "' cannot be served: " + e);
                e.printStackTrace();
            }
        }, QUIET_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Builds the application of the resources registered now; announces readiness once the plugin runs. */
    private void build() {
        Optional<Bundle> plugin = plugin();
        if (!noPlugin && (plugin.isEmpty() || plugin.get().getState() != Bundle.ACTIVE)) {
            return;
        }
        ServiceReference<Object>[] references = endpoints.getServiceReferences();
        synchronized (this) {
            if (firstBuildNanos == 0) {
                firstBuildNanos = System.nanoTime();
            }
            boolean complete = (!expects.contains("endpoints") || references != null)
                    && (!expects.contains("tasks") || tasks.getService() != null);
            if (!announced && !complete && System.nanoTime() - firstBuildNanos < ChildProtocol.SETTLE_MILLIS * 1_000_000) {
                // its components are still coming (SCR waits for their configuration): not ready yet
                schedule();
                return;
            }
        }
        List<Object> served = new ArrayList<>();
        List<ServiceReference<Object>> taken = new ArrayList<>();
        for (ServiceReference<Object> reference : references == null ? List.<ServiceReference<Object>>of() : List.of(references)) {
            Object service = context.getService(reference);
            if (service != null) {
                served.add(service);
                taken.add(reference);
            }
        }
        ResourceConfig config = new ResourceConfig();
        config.setApplicationName("aibase." + pluginId);
        served.forEach(config::register);
        config.register(new JacksonJsonProvider());
        config.register(new RoleFromRuntime());
        config.register(RolesAllowedDynamicFeature.class);
        config.register(new ErrorBodies());
        // what the plugin flushes goes out at once (an event stream): Jersey 3.1 ignores a flush while it
        // holds back a response's first bytes to tell its length
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // Jersey finds its injection manager and providers through the context class loader: this
        // bundle's loader sees Jersey and HK2, the plugin's does not
        thread.setContextClassLoader(ChildAgent.class.getClassLoader());
        HttpHandler handler;
        try {
            handler = new JdkHttpHandlerContainerProvider().createContainer(HttpHandler.class, config);
        } finally {
            thread.setContextClassLoader(previous);
        }
        server.serve(handler);
        release(inUse);
        inUse = taken; // the application now serving holds these; the previous one's are given back
        jobs.ifPresent(ChildJobs::awaitAnnounced);
        synchronized (this) {
            if (!announced) {
                announced = true;
                System.out.println(ChildProtocol.READY_LINE + server.port());
                System.out.flush();
            }
        }
    }

    private Optional<Bundle> plugin() {
        for (Bundle bundle : context.getBundles()) {
            if (isPlugin(bundle)) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static boolean isPlugin(Bundle bundle) {
        return bundle.getHeaders("").get("AIBase-Plugin") != null;
    }
}
