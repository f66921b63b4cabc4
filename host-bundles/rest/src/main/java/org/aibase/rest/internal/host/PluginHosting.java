package org.aibase.rest.internal.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.PluginGateway;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PlatformThreads;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.RequestMeter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the plugins' routes: builds each started plugin's application from the services it marks
 * with {@link PluginEndpoint} (only its own id, only with {@code http}), swaps it into the
 * {@link RouteTable}, holds a plugin's requests while the deployer changes it, and drains and
 * closes an application before its bundle's services go away. Only the plugin that changed is
 * rebuilt; no other plugin's application, nor the platform's, is touched.
 *
 * <p>A plugin's builds run one at a time, different plugins' side by side ({@link PluginBuilds}), so a
 * plugin that blocks in its activation holds up no other; route changes happen under this object's
 * lock; draining happens outside it, a replaced application's on a thread of its own, so that the
 * replacement's build never waits for the old one's requests to finish.
 */
final class PluginHosting implements PluginGateway, SynchronousBundleListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginHosting.class);

    /**
     * How long a running plugin's calls wait for an endpoint service that went away to come back
     * (SCR re-registers a component whose configuration changed) before its application is rebuilt
     * without it.
     */
    private static final long REPLACEMENT_WAIT_MILLIS = 2_000;

    /** How often, and how far apart, a build is tried again while one of its endpoint services cannot be had. */
    private static final int UNAVAILABLE_RETRIES = 40;
    private static final long UNAVAILABLE_RETRY_MILLIS = 50;

    private final BundleContext context;
    private final RouteTable routes;
    private final Governor governor;
    private final ScheduledExecutorService tasks;
    /** Drains replaced applications: each may wait up to its plugin's timeout. */
    private final ExecutorService drains = Executors.newCachedThreadPool(
            PlatformThreads.named("aibase-http-drain", PluginHosting.class.getClassLoader()));
    /** Builds applications: a plugin's own code runs in them (its components activate). */
    private final PluginBuilds builds = new PluginBuilds();
    private final PluginCalls calls;
    private final Runnable changed;
    private final ServiceTracker<Object, ServiceReference<Object>> endpoints;
    /** Endpoint services by the bundle that registered them. */
    private final Map<Long, Set<ServiceReference<?>>> endpointsByBundle = new ConcurrentHashMap<>();
    /** Plugin ids the deployer holds while it changes them. */
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Bundles between STARTING and the asynchronous STARTED: their components are still being registered. */
    private final Set<Long> starting = ConcurrentHashMap.newKeySet();
    /**
     * Builds a started plugin's application once its start is complete: asynchronous listeners hear of
     * STARTED after every synchronous one, SCR's too, so the plugin's components are all registered.
     */
    private final BundleListener started = event -> {
        if (event.getType() == BundleEvent.STARTED) {
            starting.remove(event.getBundle().getBundleId());
            scheduleBuild(event.getBundle());
        }
    };
    /**
     * Plugins whose endpoint service went away while they run, by id: how many endpoint services they
     * had, and until when (nanoTime) a build with fewer keeps their calls held rather than serve an
     * application without the missing one. It stays until an application is swapped in: a build that
     * waits for a service to activate, or finds it gone again (a rolled-back configuration replaces the
     * service twice), still knows what to wait for. Written, with the endpoint services, under this
     * object's lock, which is where a build reads both.
     */
    private final Map<String, Replacement> awaitingReplacement = new ConcurrentHashMap<>();

    private record Replacement(int endpoints, long deadlineNanos) {
    }

    /** Who waits for a bundle to be served, by bundle id. */
    private final Map<Long, List<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();
    private volatile ServletContext servletContext;

    /** @param changed told after every change of what is served (readiness looks again) */
    PluginHosting(BundleContext context, RouteTable routes, Governor governor, ScheduledExecutorService tasks,
            PluginCalls calls, Runnable changed) {
        this.context = context;
        this.routes = routes;
        this.governor = governor;
        this.tasks = tasks;
        this.calls = calls;
        this.changed = changed;
        try {
            this.endpoints = new ServiceTracker<>(context, context.createFilter("(" + PluginEndpoint.PROPERTY + "=*)"),
                    new EndpointCustomizer());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is valid", e);
        }
    }

    /** Starts following plugins; their applications are built once the servlet context is there. */
    void open() {
        context.addBundleListener(this);
        context.addBundleListener(started);
        endpoints.open(true); // all services: the host cannot (and need not) load the plugins' classes
    }

    /** Stops following plugins and closes every application. */
    void close() {
        context.removeBundleListener(started);
        context.removeBundleListener(this);
        endpoints.close();
        servletContext = null;
        builds.close();
        drains.shutdown(); // a drain under way closes its application when it ends
        synchronized (this) {
            routes.all().forEach((id, route) -> {
                if (route instanceof Route.Served served) {
                    served.application().container().close();
                }
                routes.remove(id);
            });
        }
    }

    /** The host's servlet is initialised (or re-initialised): build every started plugin's application. */
    void serveWith(ServletContext context) {
        servletContext = context;
        for (Bundle bundle : this.context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                scheduleBuild(bundle);
            }
        }
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        Bundle bundle = event.getBundle();
        switch (event.getType()) {
            case BundleEvent.STARTING -> starting.add(bundle.getBundleId());
            case BundleEvent.STARTED -> changed.run(); // not ready until it is served (built on the asynchronous STARTED)
            case BundleEvent.STOPPING -> {
                starting.remove(bundle.getBundleId());
                pluginId(bundle).ifPresent(id -> retire(id, bundle));
            }
            case BundleEvent.STOPPED, BundleEvent.UNINSTALLED -> {
                starting.remove(bundle.getBundleId()); // a start that failed never gets to STARTED
                if (event.getType() == BundleEvent.UNINSTALLED) {
                    endpointsByBundle.remove(bundle.getBundleId());
                    waiting.remove(bundle.getBundleId());
                }
                pluginId(bundle).filter(id -> !held.contains(id)).ifPresent(this::unroute);
                changed.run();
            }
            default -> { }
        }
    }

    @Override
    public void hold(String pluginId) {
        Optional<PluginApplication> previous;
        synchronized (this) {
            held.add(pluginId);
            previous = holdRoute(pluginId);
        }
        previous.ifPresent(this::drainAndClose);
    }

    @Override
    public void release(String pluginId) {
        Optional<Bundle> active;
        synchronized (this) {
            if (!held.remove(pluginId)) {
                return;
            }
            active = activePlugin(pluginId);
            if (active.isEmpty()) {
                unroute(pluginId);
                return;
            }
            if (routes.get(pluginId) instanceof Route.Held hold) {
                // e.g. the update failed and the old revision runs on: it may be served again
                routes.put(pluginId, new Route.Held(hold.calls(), null));
            }
        }
        scheduleBuild(active.get()); // the held requests go to it once it is built
    }

    @Override
    public CompletionStage<Void> served(Bundle plugin) {
        Optional<String> id = httpPluginId(plugin);
        if (id.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        synchronized (this) {
            if (servesRevision(id.get(), plugin)) {
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> served = new CompletableFuture<>();
            waiting.computeIfAbsent(plugin.getBundleId(), bundleId -> new ArrayList<>()).add(served);
            return served;
        }
    }

    @Override
    public boolean serves(Bundle plugin) {
        return httpPluginId(plugin).map(id -> servesRevision(id, plugin)).orElse(true);
    }

    private boolean servesRevision(String id, Bundle plugin) {
        return routes.get(id) instanceof Route.Served served && served.application().revision().equals(revision(plugin));
    }

    private static Optional<String> httpPluginId(Bundle plugin) {
        return CallingPlugin.of(plugin).map(CallingPlugin::descriptor)
                .filter(d -> d.hasPermission(Permission.HTTP)).map(PluginDescriptor::id);
    }

    private void scheduleBuild(Bundle bundle) {
        scheduleBuild(bundle, 0);
    }

    private void scheduleBuild(Bundle bundle, int retries) {
        if (pluginId(bundle).isPresent()) {
            builds.execute(bundle.getBundleId(), () -> build(bundle, retries));
        }
    }

    /** Builds the application of the bundle's current revision and swaps it in; after the bundle's earlier builds. */
    private void build(Bundle bundle, int retries) {
        ServletContext servlets = servletContext;
        Optional<CallingPlugin> plugin = CallingPlugin.of(bundle);
        if (servlets == null || plugin.isEmpty() || bundle.getState() != Bundle.ACTIVE) {
            return;
        }
        PluginDescriptor descriptor = plugin.get().descriptor();
        String id = descriptor.id();
        BundleRevision revision = revision(bundle);
        if (!descriptor.hasPermission(Permission.HTTP)) {
            synchronized (this) {
                if (!held.contains(id)) {
                    unroute(id); // e.g. updated to a version without http: held requests learn it now
                }
            }
            return;
        }
        Route current = routes.get(id);
        if (current instanceof Route.Served served && served.application().revision().equals(revision)
                && !endpointsChanged(served.application(), bundle)) {
            return; // built already for these endpoints
        }
        PluginApplication application;
        long buildStarted = System.nanoTime();
        try {
            List<ServiceReference<?>> own;
            Replacement replacement;
            synchronized (this) {
                own = endpointsOf(bundle, id);
                replacement = awaitingReplacement.get(id);
            }
            warnOfForeignEndpoints(bundle, id);
            if (replacement != null && own.size() < replacement.endpoints() && System.nanoTime() < replacement.deadlineNanos()) {
                return; // between SCR's unregistering and registering a component: the build comes with the new service
            }
            Endpoints served = new Endpoints(context);
            long available = own.stream().filter(served::add).count();
            if (available < own.size() && retries < UNAVAILABLE_RETRIES) {
                // a service between its registration and its (re)activation, e.g. while SCR applies a
                // new configuration: its calls stay where they are (held, or served by the previous
                // application) and the build comes again shortly
                served.release();
                tasks.schedule(() -> scheduleBuild(bundle, retries + 1), UNAVAILABLE_RETRY_MILLIS, TimeUnit.MILLISECONDS);
                return;
            }
            application = application(id, bundle, revision, descriptor, servlets, served, own);
        } catch (ServletException | RuntimeException e) {
            broken(id, bundle, revision, "its REST resources cannot be served: " + e.getMessage());
            return;
        }
        LOG.debug("Built the application of plugin {} ({} endpoints) in {} ms", id, application.endpoints().size(),
                (System.nanoTime() - buildStarted) / 1_000_000);
        swapIn(application);
    }

    private PluginApplication application(String id, Bundle bundle, BundleRevision revision, PluginDescriptor descriptor,
            ServletContext servlets, Endpoints served, List<ServiceReference<?>> endpoints) throws ServletException {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        RequestMeter meter = governor.requests(id);
        JerseyContainer container = JerseyContainer.start(Applications.pluginApplication(id), served.into(Applications.plugin(id)),
                servlets, served::release, (exchange, status, nanos) -> {
                    if (exchange.isMetered()) {
                        meter.ended(status, nanos);
                    }
                });
        return new PluginApplication(id, bundle, revision, descriptor, container,
                wiring == null ? null : wiring.getClassLoader(), meter, List.copyOf(endpoints));
    }

    /** The endpoint services a plugin bundle registered for its own id, in ranking order. */
    private List<ServiceReference<?>> endpointsOf(Bundle bundle, String id) {
        List<ServiceReference<?>> own = new ArrayList<>();
        for (ServiceReference<?> reference : endpointsByBundle.getOrDefault(bundle.getBundleId(), Set.of())) {
            if (claims(reference, id)) {
                own.add(reference);
            }
        }
        own.sort(null); // ranking order: a stable application for the same services
        return own;
    }

    private void warnOfForeignEndpoints(Bundle bundle, String id) {
        for (ServiceReference<?> reference : endpointsByBundle.getOrDefault(bundle.getBundleId(), Set.of())) {
            if (!claims(reference, id)) {
                LOG.warn("Not serving endpoint service {} of plugin '{}': it names plugin '{}'",
                        reference.getProperty(Constants.SERVICE_ID), id, reference.getProperty(PluginEndpoint.PROPERTY));
            }
        }
    }

    private static boolean claims(ServiceReference<?> endpoint, String id) {
        return id.equals(endpoint.getProperty(PluginEndpoint.PROPERTY));
    }

    private boolean endpointsChanged(PluginApplication application, Bundle bundle) {
        return !application.endpoints().equals(endpointsOf(bundle, application.id()));
    }

    private void swapIn(PluginApplication application) {
        String id = application.id();
        Route before;
        List<CompletableFuture<Void>> served;
        synchronized (this) {
            before = routes.get(id);
            boolean current = application.bundle().getState() == Bundle.ACTIVE
                    && application.revision().equals(revision(application.bundle()))
                    && !(before instanceof Route.Held hold && application.revision().equals(hold.retired()));
            if (!current) {
                application.container().close(); // the bundle changed again meanwhile
                return;
            }
            if (endpointsChanged(application, application.bundle())) {
                // an endpoint service came or went during the build (its calls would find it gone):
                // the build that its change scheduled decides
                application.container().close();
                return;
            }
            routes.put(id, new Route.Served(application));
            awaitingReplacement.remove(id);
            served = waiting.remove(application.bundle().getBundleId());
        }
        if (before instanceof Route.Held hold) {
            hold.calls().release().forEach(calls::dispatch);
        } else if (before instanceof Route.Served replaced) {
            drains.execute(() -> drainAndClose(replaced.application()));
        }
        if (served != null) {
            served.forEach(future -> future.complete(null));
        }
        changed.run();
    }

    private void broken(String id, Bundle bundle, BundleRevision revision, String reason) {
        List<CompletableFuture<Void>> failed;
        List<PluginCall> released = List.of();
        synchronized (this) {
            if (bundle.getState() != Bundle.ACTIVE || !revision.equals(revision(bundle))) {
                // a build that outlasted its revision (e.g. its activation blocked while the plugin was
                // updated or removed): the current revision's build decides the route
                LOG.debug("Plugin {}: a build of a revision no longer current failed: {}", id, reason);
                return;
            }
            Route before = routes.get(id);
            routes.put(id, new Route.Broken(reason));
            awaitingReplacement.remove(id);
            if (before instanceof Route.Held hold) {
                released = hold.calls().release();
            }
            failed = waiting.remove(bundle.getBundleId());
        }
        LOG.warn("Plugin {}: {}", id, reason);
        released.forEach(calls::dispatch);
        if (failed != null) {
            failed.forEach(future -> future.completeExceptionally(new IllegalStateException(reason)));
        }
        changed.run();
    }

    /** Whether every started plugin with {@code http} is served in its current revision (or known to be broken). */
    boolean allStartedServed() {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE) {
                Optional<String> id = httpPluginId(bundle);
                if (id.isPresent() && !servesRevision(id.get(), bundle) && !(routes.get(id.get()) instanceof Route.Broken)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The plugin's bundle is stopping: its requests wait, those in flight finish, its application closes. */
    private void retire(String id, Bundle bundle) {
        Optional<PluginApplication> previous;
        synchronized (this) {
            Route route = routes.get(id);
            if (!(route instanceof Route.Served served) || served.application().bundle().getBundleId() != bundle.getBundleId()) {
                return;
            }
            previous = holdRoute(id);
        }
        previous.ifPresent(this::drainAndClose);
    }

    /**
     * An endpoint service of a running plugin went away while its bundle stays active: most often SCR
     * re-registering a component whose configuration changed. Its calls wait, rather than meet a
     * route without the endpoint, until the application is rebuilt with the replacement (or without
     * it, when none comes within {@link #REPLACEMENT_WAIT_MILLIS} of the last service that went). The
     * calls in flight finish first, here, while the service's unregistering is announced: until this
     * returns, the service and its component are still there for them (afterwards a per-request
     * instance could no longer be had).
     *
     * @param endpoint the endpoint service that goes away
     */
    private void holdForReplacement(String id, Bundle bundle, ServiceReference<?> endpoint) {
        PluginApplication previous = null;
        synchronized (this) {
            int endpoints = endpointsOf(bundle, id).size(); // this one included
            forget(endpoint);
            Route route = routes.get(id);
            if (route instanceof Route.Served served && served.application().bundle().getBundleId() == bundle.getBundleId()) {
                previous = served.application();
                routes.put(id, new Route.Held(new HeldCalls(), null)); // the same revision may be served again
            } else if (!(route instanceof Route.Held hold && hold.retired() == null)) {
                return; // not served, or held for an update that brings its own endpoints
            }
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REPLACEMENT_WAIT_MILLIS);
            awaitingReplacement.merge(id, new Replacement(endpoints, deadline),
                    (waiting, latest) -> new Replacement(Math.max(waiting.endpoints(), latest.endpoints()), latest.deadlineNanos()));
        }
        tasks.schedule(() -> scheduleBuild(bundle), REPLACEMENT_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        if (previous != null) {
            PluginApplication replaced = previous;
            drain(replaced);
            drains.execute(() -> replaced.container().close());
        }
    }

    /** Puts the plugin's route on hold; the application it replaced, if any. Under the lock. */
    private Optional<PluginApplication> holdRoute(String id) {
        Route route = routes.get(id);
        if (route instanceof Route.Held) {
            return Optional.empty();
        }
        if (route instanceof Route.Served served) {
            routes.put(id, new Route.Held(new HeldCalls(), served.application().revision()));
            return Optional.of(served.application());
        }
        routes.put(id, new Route.Held(new HeldCalls(), null));
        return Optional.empty();
    }

    /** The plugin no longer has a route: held requests get the answer for its state. Under the lock, or alone. */
    private synchronized void unroute(String id) {
        Route route = routes.get(id);
        routes.remove(id);
        awaitingReplacement.remove(id); // a removed plugin waits for nothing
        if (route instanceof Route.Held hold) {
            List<PluginCall> released = hold.calls().release();
            tasks.execute(() -> released.forEach(calls::dispatch));
        } else if (route instanceof Route.Served served) {
            PluginApplication application = served.application();
            drains.execute(() -> drainAndClose(application));
        }
    }

    private void drainAndClose(PluginApplication application) {
        try {
            drain(application);
        } finally {
            application.container().close();
        }
    }

    /** Waits for the application's requests in flight, each bounded by the plugin's timeout. */
    private void drain(PluginApplication application) {
        try {
            long timeout = calls.drainMillis(application.descriptor());
            int busy = application.container().drain(timeout);
            if (busy > 0) {
                LOG.warn("Plugin {}: {} requests still running after {} ms; closing its application anyway",
                        application.id(), busy, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void forget(ServiceReference<?> endpoint) {
        endpointsByBundle.values().forEach(references -> references.remove(endpoint));
    }

    private Optional<Bundle> activePlugin(String id) {
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getState() == Bundle.ACTIVE && pluginId(bundle).filter(id::equals).isPresent()) {
                return Optional.of(bundle);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> pluginId(Bundle bundle) {
        return CallingPlugin.of(bundle).map(CallingPlugin::id);
    }

    private static BundleRevision revision(Bundle bundle) {
        return bundle.adapt(BundleRevision.class);
    }

    /** Keeps the endpoint services by bundle; a change of an active plugin's endpoints rebuilds its application. */
    private final class EndpointCustomizer implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {

        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
            Bundle bundle = reference.getBundle();
            if (bundle == null) {
                return null;
            }
            endpointsByBundle.computeIfAbsent(bundle.getBundleId(), id -> ConcurrentHashMap.newKeySet()).add(reference);
            rebuildIfStarted(bundle);
            return reference;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            // the plugin id comes from the endpoint's annotation; nothing else matters here
        }

        @Override
        public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            Bundle bundle = reference.getBundle();
            Optional<String> running = bundle != null && bundle.getState() == Bundle.ACTIVE && !starting.contains(bundle.getBundleId())
                    ? pluginId(bundle).filter(id -> claims(reference, id)) : Optional.empty();
            if (running.isPresent()) {
                holdForReplacement(running.get(), bundle, reference); // its calls wait for the replacement
            } else {
                forget(reference); // a stopping bundle's calls are held by retire()
            }
        }

        /** An endpoint of a started plugin came or went later (e.g. its reference was satisfied): rebuild it. */
        private void rebuildIfStarted(Bundle bundle) {
            if (bundle.getState() == Bundle.ACTIVE && !starting.contains(bundle.getBundleId())) {
                scheduleBuild(bundle);
            }
        }
    }
}
