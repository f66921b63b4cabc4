package org.aibase.sandbox.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurationException.Kind;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.cm.ConfigurationEvent;
import org.osgi.service.cm.ConfigurationListener;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.util.tracker.BundleTracker;
import org.osgi.util.tracker.BundleTrackerCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plugins' configurations in Config Admin, PID {@code aibase.plugin.<id>}: reads the effective values,
 * takes the operator's updates (type-checked against the declared defaults), and keeps every plugin
 * configuration bound to its plugin's bundle. Files in {@code config/} arrive through FileInstall bound
 * to location {@code ?} (any bundle); they are bound here as soon as they appear, and every installed
 * plugin with defaults gets a configuration so its components receive the defaults without a file.
 */
@Component(service = {PluginConfigurations.class, ConfigurationListener.class}, immediate = true)
public final class PluginConfigurationStore implements PluginConfigurations, ConfigurationListener {

    private static final Logger LOG = LoggerFactory.getLogger(PluginConfigurationStore.class);

    /** Every plugin configuration's PID starts with this, followed by the plugin id. */
    static final String PID_PREFIX = "aibase.plugin.";

    /** How long an update waits for the plugin's components to take it before answering. */
    private static final Duration ACTIVATION_TIMEOUT = Duration.ofSeconds(10);

    private final ConfigurationAdmin admin;
    private final PluginLookup plugins;
    private final BundleTracker<Boolean> tracker;
    private final ActivationWatch activations;
    private final AtomicLong revisions = new AtomicLong(System.currentTimeMillis());
    private final Map<String, String> rollbacks = new ConcurrentHashMap<>();

    @Activate
    public PluginConfigurationStore(BundleContext context, @Reference ConfigurationAdmin admin,
                                    @Reference ServiceComponentRuntime scr) {
        this(context, admin, PluginDescriptors::of, new ActivationWatch(context, scr));
    }

    PluginConfigurationStore(BundleContext context, ConfigurationAdmin admin,
                             Function<Bundle, Optional<PluginDescriptor>> descriptors, ActivationWatch activations) {
        this.admin = admin;
        this.activations = activations;
        this.plugins = new PluginLookup(context, descriptors);
        this.tracker = new BundleTracker<>(context, ~Bundle.UNINSTALLED, new Customizer());
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    /** The PID of a plugin's configuration. */
    static String pid(String pluginId) {
        return PID_PREFIX + pluginId;
    }

    @Override
    public Map<String, Object> effective(String id) {
        PluginLookup.Installed plugin = require(id);
        return effective(plugin, stored(id));
    }

    @Override
    public Optional<String> rollback(String id) {
        return Optional.ofNullable(rollbacks.get(id));
    }

    @Override
    public synchronized Map<String, Object> update(String id, Map<String, Object> values) {
        PluginLookup.Installed plugin = require(id);
        DeclaredDefaults defaults = DeclaredDefaults.of(plugin.descriptor());
        Map<String, Object> checked = new HashMap<>();
        for (Map.Entry<String, Object> e : values.entrySet()) {
            try {
                // a null value is checked for the key only: it removes the operator's value
                checked.put(e.getKey(), e.getValue() == null ? null : defaults.coerce(e.getKey(), e.getValue()));
                if (e.getValue() == null) {
                    defaults.coerce(e.getKey(), plugin.descriptor().defaults().get(e.getKey()));
                }
            } catch (IllegalArgumentException problem) {
                throw new PluginConfigurationException(Kind.INVALID, "plugin '" + id + "': " + problem.getMessage(), e.getKey());
            }
        }
        try {
            Configuration configuration = bound(plugin);
            Dictionary<String, Object> previous = Optional.ofNullable(configuration.getProperties()).orElseGet(Hashtable::new);
            Dictionary<String, Object> properties = new Hashtable<>(asMap(previous));
            checked.forEach((key, value) -> {
                if (value == null) {
                    properties.remove(key);
                } else {
                    properties.put(key, value);
                }
            });
            long revision = revisions.incrementAndGet();
            properties.put(ActivationWatch.REVISION, revision);
            configuration.update(properties);
            Optional<String> failure = activations.failure(plugin.bundle(), pid(id), revision, ACTIVATION_TIMEOUT);
            if (failure.isPresent()) {
                // the last good configuration goes back, so the plugin serves again as it did
                previous.put(ActivationWatch.REVISION, revisions.incrementAndGet());
                configuration.update(previous);
                String when = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
                rollbacks.put(id, "the configuration change of " + String.join(", ", new TreeSet<>(values.keySet())) + " at " + when
                        + " was rolled back: the plugin failed to start with it (" + failure.get() + ")");
                LOG.warn("Configuration {}: plugin {} failed to start with {} ({}); the last good configuration is restored",
                        pid(id), id, values, failure.get());
                throw new PluginConfigurationException(Kind.ROLLED_BACK, "plugin '" + id + "' failed to start with this configuration ("
                        + failure.get() + "); its last good configuration is restored");
            }
            rollbacks.remove(id);
            return effective(plugin, asMap(properties));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot store the configuration of plugin '" + id + "'", e);
        }
    }

    /** Binds a plugin configuration that appeared or moved to the plugin's bundle (FileInstall binds to {@code ?}). */
    @Override
    public void configurationEvent(ConfigurationEvent event) {
        String pid = event.getPid();
        if (event.getFactoryPid() != null || pid == null || !pid.startsWith(PID_PREFIX)
                || event.getType() == ConfigurationEvent.CM_DELETED) {
            return;
        }
        plugins.byId(pid.substring(PID_PREFIX.length())).ifPresent(plugin -> {
            try {
                bound(plugin);
            } catch (IOException | IllegalStateException e) {
                LOG.warn("Cannot bind configuration {} to plugin bundle {}", pid, plugin.bundle().getLocation(), e);
            }
        });
    }

    private Map<String, Object> effective(PluginLookup.Installed plugin, Map<String, Object> stored) {
        String id = plugin.descriptor().id();
        return Collections.unmodifiableMap(DeclaredDefaults.of(plugin.descriptor()).overlay(stored,
                (key, problem) -> LOG.warn("Configuration {}: {}; the default is used", pid(id), problem)));
    }

    private Map<String, Object> stored(String id) {
        try {
            Configuration[] found = admin.listConfigurations("(" + org.osgi.framework.Constants.SERVICE_PID + "="
                    + pid(id) + ")");
            return found == null || found.length == 0 ? Map.of() : asMap(found[0].getProperties());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the configuration of plugin '" + id + "'", e);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException("plugin ids make valid filters", e);
        }
    }

    /** The plugin's configuration, bound to the plugin's bundle. */
    private Configuration bound(PluginLookup.Installed plugin) throws IOException {
        String location = plugin.bundle().getLocation();
        Configuration configuration = admin.getConfiguration(pid(plugin.descriptor().id()), location);
        if (!location.equals(configuration.getBundleLocation())) {
            configuration.setBundleLocation(location);
        }
        return configuration;
    }

    /** Makes sure a plugin with defaults has a (possibly empty) configuration, so they are delivered. */
    private void prepare(Bundle bundle) {
        plugins.descriptorOf(bundle).filter(d -> !d.defaults().isEmpty()).ifPresent(descriptor -> {
            try {
                Configuration configuration = bound(new PluginLookup.Installed(bundle, descriptor));
                if (configuration.getProperties() == null) {
                    configuration.update(new Hashtable<>());
                }
            } catch (IOException | IllegalStateException e) {
                LOG.warn("Cannot prepare configuration {} for plugin bundle {}", pid(descriptor.id()), bundle.getLocation(), e);
            }
        });
    }

    private PluginLookup.Installed require(String id) {
        return plugins.byId(id).orElseThrow(() -> new PluginConfigurationException(Kind.NOT_FOUND, "no plugin '" + id + "'"));
    }

    static Map<String, Object> asMap(Dictionary<String, ?> properties) {
        Map<String, Object> map = new HashMap<>();
        if (properties != null) {
            for (var keys = properties.keys(); keys.hasMoreElements(); ) {
                String key = keys.nextElement();
                map.put(key, properties.get(key));
            }
        }
        return map;
    }

    private final class Customizer implements BundleTrackerCustomizer<Boolean> {

        @Override
        public Boolean addingBundle(Bundle bundle, BundleEvent event) {
            prepare(bundle);
            return Boolean.TRUE;
        }

        @Override
        public void modifiedBundle(Bundle bundle, BundleEvent event, Boolean object) {
            if (event != null && event.getType() == BundleEvent.UPDATED) {
                prepare(bundle); // new defaults may have arrived with the new version
            }
        }

        @Override
        public void removedBundle(Bundle bundle, BundleEvent event, Boolean object) {
            // the configuration stays: the operator's values survive a re-installation
        }
    }
}
