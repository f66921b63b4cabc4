package org.aibase.rest.internal.host;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.rest.internal.PlatformApplication;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Filter;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's own applications, built from the Jakarta REST resource services of the platform's
 * bundles (the rest bundle's and the job service's, marked the whiteboard way): {@code aibase.platform}
 * at {@code /api/v1} and the root application for {@code /metrics}, where Prometheus looks. A
 * resource joins the application its {@code osgi.jakartars.application.select} filter matches (the
 * root one without a filter). Plugins' services never join: they have their own applications.
 */
final class PlatformHosting {

    /** The application at {@code /api/v1}. */
    static final String API = PlatformApplication.NAME;
    /** The application at {@code /}, the whiteboard's default. */
    static final String ROOT = ".default";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformHosting.class);
    private static final String RESOURCE_FILTER = "(osgi.jakartars.resource=true)";
    private static final String APPLICATION_SELECT = "osgi.jakartars.application.select";
    private static final String APPLICATION_NAME = "osgi.jakartars.name";
    /** Platform resources register one after another while bundles start: build once they settle. */
    private static final long SETTLE_MILLIS = 50;

    private final BundleContext context;
    private final ScheduledExecutorService tasks;
    private final Runnable changed;
    private final ServiceTracker<Object, ServiceReference<Object>> resources;
    private volatile ServletContext servletContext;
    private volatile JerseyContainer api;
    private volatile JerseyContainer root;
    private ScheduledFuture<?> pending;

    /** @param changed told after the applications were swapped (readiness looks again) */
    PlatformHosting(BundleContext context, ScheduledExecutorService tasks, Runnable changed) {
        this.context = context;
        this.tasks = tasks;
        this.changed = changed;
        try {
            this.resources = new ServiceTracker<>(context, context.createFilter(RESOURCE_FILTER), new Customizer());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is valid", e);
        }
    }

    void open() {
        resources.open();
    }

    void close() {
        resources.close();
        servletContext = null;
        replace(null, null);
    }

    /** The host's servlet is initialised: build both applications. */
    void serveWith(ServletContext servlets) {
        servletContext = servlets;
        scheduleBuild();
    }

    /** The application at {@code /api/v1}; null until it is built. */
    JerseyContainer api() {
        return api;
    }

    /** The root application (for {@code /metrics}); null until it is built. */
    JerseyContainer root() {
        return root;
    }

    private synchronized void scheduleBuild() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = tasks.schedule(this::build, SETTLE_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void build() {
        ServletContext servlets = servletContext;
        if (servlets == null) {
            return;
        }
        try {
            replace(application(API, servlets), application(ROOT, servlets));
        } catch (ServletException | RuntimeException e) {
            LOG.error("The platform's HTTP API cannot be served", e);
        }
    }

    private JerseyContainer application(String name, ServletContext servlets) throws ServletException {
        Endpoints endpoints = new Endpoints(context);
        for (ServiceReference<Object> reference : selecting(name)) {
            endpoints.add(reference);
        }
        return JerseyContainer.start(name, endpoints.into(Applications.platform(name)), servlets, endpoints::release, null);
    }

    private List<ServiceReference<Object>> selecting(String application) {
        List<ServiceReference<Object>> selected = new ArrayList<>();
        ServiceReference<Object>[] all = resources.getServiceReferences();
        if (all != null) {
            for (ServiceReference<Object> reference : all) {
                if (joins(reference, application)) {
                    selected.add(reference);
                }
            }
        }
        selected.sort(null);
        return selected;
    }

    private static boolean joins(ServiceReference<?> reference, String application) {
        Object select = reference.getProperty(APPLICATION_SELECT);
        if (select == null) {
            return ROOT.equals(application);
        }
        for (String filter : select instanceof String[] filters ? filters : new String[] { select.toString() }) {
            try {
                Filter parsed = FrameworkUtil.createFilter(filter);
                if (parsed.matches(Map.of(APPLICATION_NAME, application))) {
                    return true;
                }
            } catch (InvalidSyntaxException e) {
                LOG.warn("Resource service {} has an invalid application filter {}", reference, filter);
            }
        }
        return false;
    }

    /** Swaps in new applications; the old ones finish what they serve, then close. */
    private void replace(JerseyContainer newApi, JerseyContainer newRoot) {
        JerseyContainer oldApi = api;
        JerseyContainer oldRoot = root;
        api = newApi;
        root = newRoot;
        changed.run();
        for (JerseyContainer old : new JerseyContainer[] { oldApi, oldRoot }) {
            if (old != null) {
                tasks.execute(() -> {
                    try {
                        old.drain(TimeUnit.SECONDS.toMillis(30));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        old.close();
                    }
                });
            }
        }
    }

    private static boolean isPlatformBundle(Bundle bundle) {
        return bundle != null && bundle.getHeaders("").get(PluginDescriptor.MANIFEST_HEADER) == null;
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, ServiceReference<Object>> {

        @Override
        public ServiceReference<Object> addingService(ServiceReference<Object> reference) {
            if (!isPlatformBundle(reference.getBundle())) {
                return null;
            }
            scheduleBuild();
            return reference;
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            scheduleBuild();
        }

        @Override
        public void removedService(ServiceReference<Object> reference, ServiceReference<Object> tracked) {
            scheduleBuild();
        }
    }
}
