package org.aibase.deployer.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes services marked {@code aibase.plugin.endpoint=<id>} as Jakarta REST resources of the
 * plugin's own application.
 *
 * <p>Why the platform does it and not the plugin's annotation: an annotation cannot compute the
 * whiteboard's application filter from the id, and publishing through the platform is what keeps a
 * plugin out of another plugin's URL space (only a plugin's own id, and only with {@code http}). The
 * publication is registered through the plugin's own BundleContext, so it belongs to the plugin and
 * vanishes with it.
 */
final class EndpointPublisher {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointPublisher.class);

    /** The published service's property naming the original service's id. */
    static final String SOURCE = "aibase.endpoint.source";

    private record Publication(long bundleId, ServiceRegistration<?> registration) {
    }

    private final PluginApplications plugins;
    private final ServiceTracker<Object, Publication> tracker;

    EndpointPublisher(BundleContext context, PluginApplications plugins) {
        this.plugins = plugins;
        try {
            this.tracker = new ServiceTracker<>(context, context.createFilter("(" + PluginEndpoint.PROPERTY + "=*)"),
                    new Customizer());
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("constant filter is valid", e);
        }
    }

    /** Starts publishing, including endpoints registered before. */
    void open() {
        // all services: the deployer cannot (and need not) load the plugins' resource classes
        tracker.open(true);
    }

    /** Withdraws every publication. */
    void close() {
        tracker.close();
    }

    /** The service ids of a plugin bundle's published endpoints. */
    Set<Long> publishedServiceIds(Bundle plugin) {
        return tracker.getTracked().values().stream()
                .filter(p -> p.bundleId() == plugin.getBundleId())
                .map(p -> serviceId(p.registration()))
                .flatMap(Optional::stream)
                .collect(Collectors.toSet());
    }

    private static Optional<Long> serviceId(ServiceRegistration<?> registration) {
        try {
            return Optional.of((Long) registration.getReference().getProperty(Constants.SERVICE_ID));
        } catch (IllegalStateException e) {
            return Optional.empty(); // unregistered meanwhile
        }
    }

    private Publication publish(ServiceReference<Object> original) {
        Bundle bundle = original.getBundle();
        if (bundle == null) {
            return null; // unregistered meanwhile
        }
        Object claimed = original.getProperty(PluginEndpoint.PROPERTY);
        Optional<PluginDescriptor> plugin = plugins.startedPlugin(bundle);
        String refusal = plugin.isEmpty() ? "the bundle is not a started plugin"
                : !plugin.get().hasPermission(Permission.HTTP) ? "plugin '" + plugin.get().id() + "' does not hold the http permission"
                : !plugin.get().id().equals(claimed) ? "it names plugin '" + claimed + "' but belongs to plugin '" + plugin.get().id() + "'"
                : null;
        if (refusal != null) {
            LOG.warn("Not publishing endpoint service {} {} of bundle {} [{}]: {}", original.getProperty(Constants.SERVICE_ID),
                    String.join(",", (String[]) original.getProperty(Constants.OBJECTCLASS)), bundle.getSymbolicName(),
                    bundle.getBundleId(), refusal);
            return null;
        }
        BundleContext pluginContext = bundle.getBundleContext();
        if (pluginContext == null) {
            return null; // stopped meanwhile
        }
        String id = plugin.get().id();
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE, Boolean.TRUE);
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_SELECT,
                "(" + JakartarsWhiteboardConstants.JAKARTA_RS_NAME + "=" + PluginApplications.applicationName(id) + ")");
        properties.put(PluginApplications.PLUGIN_ID, id);
        properties.put(SOURCE, original.getProperty(Constants.SERVICE_ID));
        try {
            ServiceRegistration<?> registration = pluginContext.registerService(
                    (String[]) original.getProperty(Constants.OBJECTCLASS),
                    new PublishedEndpoint(pluginContext.getServiceObjects(original)), properties);
            // after the resource, so the whiteboard usually builds the application once, with it
            plugins.ensureApplication(bundle);
            return new Publication(bundle.getBundleId(), registration);
        } catch (IllegalStateException e) {
            return null; // the plugin stopped meanwhile
        }
    }

    private final class Customizer implements ServiceTrackerCustomizer<Object, Publication> {

        @Override
        public Publication addingService(ServiceReference<Object> reference) {
            return publish(reference);
        }

        @Override
        public void modifiedService(ServiceReference<Object> reference, Publication publication) {
            // an endpoint's plugin id comes from its annotation; a change of other properties changes nothing here
        }

        @Override
        public void removedService(ServiceReference<Object> reference, Publication publication) {
            try {
                publication.registration().unregister();
            } catch (IllegalStateException e) {
                // already gone with the stopping plugin
            }
        }
    }
}
