package org.aibase.rest.internal.host;

import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;

import org.glassfish.jersey.InjectionManagerProvider;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.internal.inject.DisposableSupplier;
import org.glassfish.jersey.internal.inject.InjectionManager;
import org.glassfish.jersey.process.internal.RequestScoped;
import org.glassfish.jersey.server.ResourceConfig;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;

/**
 * The services one application serves, as Jersey gets them: a singleton service is taken once and
 * registered as an instance; a prototype-scoped resource is registered as a class whose instances
 * come, one per request, from the service's {@link ServiceObjects} and are given back when the
 * request ends. Jersey never creates an instance of such a class itself.
 */
final class Endpoints {

    private final BundleContext context;
    private final List<Runnable> releases = new ArrayList<>();
    private final List<PerRequest<?>> perRequest = new ArrayList<>();
    private final List<Object> singletons = new ArrayList<>();

    Endpoints(BundleContext context) {
        this.context = context;
    }

    /**
     * Adds a service; false when it is gone already.
     *
     * @throws IllegalStateException when the service cannot be created (its component fails to activate)
     */
    boolean add(ServiceReference<?> reference) {
        ServiceObjects<Object> objects = serviceObjects(reference);
        if (objects == null) {
            return false;
        }
        Object instance = objects.getService();
        if (instance == null) {
            return false;
        }
        if (Constants.SCOPE_PROTOTYPE.equals(reference.getProperty(Constants.SERVICE_SCOPE))
                && instance.getClass().isAnnotationPresent(Path.class)) {
            ungetQuietly(objects, instance); // taken only to learn its class
            perRequest.add(new PerRequest<>(instance.getClass(), objects));
        } else {
            singletons.add(instance);
            releases.add(() -> ungetQuietly(objects, instance));
        }
        return true;
    }

    /** Registers every service into the application; returns it. */
    ResourceConfig into(ResourceConfig config) {
        singletons.forEach(config::register);
        if (!perRequest.isEmpty()) {
            perRequest.forEach(p -> config.register(p.type));
            config.register(new PerRequestBinding(List.copyOf(perRequest)));
        }
        return config;
    }

    /** Gives every singleton back; per-request instances go back as their requests end. */
    void release() {
        releases.forEach(Runnable::run);
        releases.clear();
    }

    @SuppressWarnings("unchecked")
    private ServiceObjects<Object> serviceObjects(ServiceReference<?> reference) {
        try {
            return (ServiceObjects<Object>) context.getServiceObjects(reference);
        } catch (IllegalStateException e) {
            return null; // the host itself is stopping
        }
    }

    private static void ungetQuietly(ServiceObjects<Object> objects, Object instance) {
        try {
            objects.ungetService(instance);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the service is gone already, and its instances with it
        }
    }

    /** A prototype resource: one instance per request, from the plugin's service, given back at the request's end. */
    private static final class PerRequest<T> implements DisposableSupplier<T> {

        private final Class<T> type;
        private final ServiceObjects<Object> objects;
        private volatile InjectionManager injections;

        @SuppressWarnings("unchecked")
        PerRequest(Class<?> type, ServiceObjects<Object> objects) {
            this.type = (Class<T>) type;
            this.objects = objects;
        }

        @Override
        public T get() {
            Object instance = objects.getService();
            if (instance == null) {
                // never null: Jersey would then try to construct the class itself
                throw new EndpointGone(type);
            }
            injections.inject(instance);
            return type.cast(instance);
        }

        @Override
        public void dispose(T instance) {
            ungetQuietly(objects, instance);
        }
    }

    /** Binds the per-request suppliers in the application's own injection manager, which a feature reaches. */
    private record PerRequestBinding(List<PerRequest<?>> suppliers) implements Feature {

        @Override
        public boolean configure(FeatureContext context) {
            InjectionManager injections = InjectionManagerProvider.getInjectionManager(context);
            suppliers.forEach(s -> s.injections = injections);
            context.register(new AbstractBinder() {
                @Override
                protected void configure() {
                    suppliers.forEach(this::bindPerRequest);
                }

                private <T> void bindPerRequest(PerRequest<T> supplier) {
                    bindFactory(supplier).to(supplier.type).in(RequestScoped.class);
                }
            });
            return true;
        }
    }
}
