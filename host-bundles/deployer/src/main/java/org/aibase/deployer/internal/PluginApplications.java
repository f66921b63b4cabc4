package org.aibase.deployer.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Optional;

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
 * {@code aibase.<id>} at {@code /api/v1/<id>}, registered when the plugin starts (before its components
 * come up, so its resources find the application at once) and unregistered when it stops.
 */
final class PluginApplications {

    private static final Logger LOG = LoggerFactory.getLogger(PluginApplications.class);

    /** The service property naming the plugin an application or published endpoint belongs to. */
    static final String PLUGIN_ID = "aibase.plugin.id";

    /**
     * A started plugin.
     *
     * @param descriptor its descriptor
     * @param application its application's registration, present when it holds {@code http}
     */
    record StartedPlugin(PluginDescriptor descriptor, Optional<ServiceRegistration<Application>> application) {
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

    private Optional<ServiceRegistration<Application>> register(PluginDescriptor plugin) {
        if (!plugin.hasPermission(Permission.HTTP)) {
            return Optional.empty();
        }
        Dictionary<String, Object> properties = new Hashtable<>();
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_NAME, applicationName(plugin.id()));
        properties.put(JakartarsWhiteboardConstants.JAKARTA_RS_APPLICATION_BASE, "/api/v1/" + plugin.id());
        properties.put(PLUGIN_ID, plugin.id());
        // an empty application: the plugin's resources join it through the whiteboard's application filter
        return Optional.of(context.registerService(Application.class, new Application() { }, properties));
    }

    private final class Customizer implements BundleTrackerCustomizer<StartedPlugin> {

        @Override
        public StartedPlugin addingBundle(Bundle bundle, BundleEvent event) {
            return plugins.descriptorOf(bundle)
                    .map(descriptor -> new StartedPlugin(descriptor, register(descriptor)))
                    .orElse(null);
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, StartedPlugin plugin) {
            // STARTING -> ACTIVE: the application is already there
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, StartedPlugin plugin) {
            plugin.application().ifPresent(registration -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException e) {
                    LOG.debug("Application of plugin {} was already unregistered", plugin.descriptor().id());
                }
            });
        }
    }
}
