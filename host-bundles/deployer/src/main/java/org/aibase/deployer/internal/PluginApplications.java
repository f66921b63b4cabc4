package org.aibase.deployer.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.ws.rs.core.Application;

/**
 * Tracks started plugins and gives each plugin with {@code http} its own Jakarta REST application
 * {@code aibase.<id>} at {@code /api/v1/<id>}, registered with the plugin's first published endpoint
 * and unregistered when the plugin stops.
 *
 * <p>Why not at once when the plugin starts: the whiteboard builds a Jersey container for a new
 * application right away (~90 ms here) and rebuilds it when the first resource arrives a few
 * milliseconds later. Registered after that resource, the application is usually built once, with
 * its resource, which takes about a third off a deployment's time to its first answer.
 */
final class PluginApplications {

    private static final Logger LOG = LoggerFactory.getLogger(PluginApplications.class);

    /** The service property naming the plugin an application or published endpoint belongs to. */
    static final String PLUGIN_ID = "aibase.plugin.id";

    /**
     * A started plugin.
     *
     * @param descriptor its descriptor
     * @param application its application's registration, once it has one
     */
    record StartedPlugin(PluginDescriptor descriptor, AtomicReference<ServiceRegistration<Application>> application) {
    }

    private final BundleContext context;
    private final PluginBundles plugins;
    private final BundleTracker<StartedPlugin> tracker;

    PluginApplications(BundleContext context, PluginBundles plugins) {
        this.context = context;
        this.plugins = plugins;
        this.tracker = new BundleTracker<>(context, Bundle.STARTING | Bundle.ACTIVE, new Customizer());
    }

    /** The name of a plugin's application. */
    static String applicationName(String pluginId) {
        return "aibase." + pluginId;
    }

    /** Starts tracking; plugins already started get their applications now. */
    void open() {
        tracker.open();
    }

    /** Stops tracking and unregisters every application. */
    void close() {
        tracker.close();
    }

    /** The descriptor of a bundle that is a started (starting or active) plugin. */
    Optional<PluginDescriptor> startedPlugin(Bundle bundle) {
        return Optional.ofNullable(tracker.getObject(bundle)).map(StartedPlugin::descriptor);
    }

    /** Registers the application of a started plugin with {@code http} unless it has one already. */
    void ensureApplication(Bundle bundle) {
        StartedPlugin plugin = tracker.getObject(bundle);
        if (plugin == null || !plugin.descriptor().hasPermission(Permission.HTTP)) {
            return;
        }
        synchronized (plugin) {
            if (plugin.application().get() == null) {
                plugin.application().set(register(plugin.descriptor()));
            }
        }
    }

    private ServiceRegistration<Application> register(PluginDescriptor plugin) {
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_NAME, applicationName(plugin.id()));
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_BASE, "/api/v1/" + plugin.id());
        properties.put(PLUGIN_ID, plugin.id());
        // served only together with the platform's authentication filter, never open for a moment
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_EXTENSION_SELECT, "(osgi.jakartars.name=aibase.auth)");
        // an empty application: the plugin's resources join it through the whiteboard's application filter
        return context.registerService(Application.class, new Application() {
            @Override
            public Map<String, Object> getProperties() {
                // WADL needs JAXB, which the platform does not ship: without this Jersey looks for it on
                // every build of the application, and the whiteboard rebuilds on every deployment
                return Map.of("jersey.config.server.wadl.disableWadl", Boolean.TRUE);
            }
        }, properties);
    }

    private final class Customizer implements BundleTrackerCustomizer<StartedPlugin> {

        @Override
        public StartedPlugin addingBundle(Bundle bundle, BundleEvent event) {
            return plugins.descriptorOf(bundle)
                    .map(descriptor -> new StartedPlugin(descriptor, new AtomicReference<>()))
                    .orElse(null);
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, StartedPlugin plugin) {
            // STARTING -> ACTIVE: nothing changes for the application
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, StartedPlugin plugin) {
            Optional.ofNullable(plugin.application().getAndSet(null)).ifPresent(registration -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    LOG.debug("Application of plugin {} was already unregistered", plugin.descriptor().id());
                }
            });
        }
    }
}
