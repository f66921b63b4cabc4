package org.aibase.sandbox.internal;

import java.util.Dictionary;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.sandbox.PluginDescriptors;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationPlugin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes a plugin's configuration as Config Admin delivers it: declared defaults for missing keys,
 * file strings turned into the declared types. Config Admin calls every configuration plugin for every
 * delivery, so this one picks out the {@code aibase.plugin.} PIDs itself.
 */
@Component(service = ConfigurationPlugin.class)
public final class PluginDefaultsPlugin implements ConfigurationPlugin {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDefaultsPlugin.class);

    private final PluginLookup plugins;

    @Activate
    public PluginDefaultsPlugin(BundleContext context) {
        this(context, PluginDescriptors::of);
    }

    PluginDefaultsPlugin(BundleContext context, Function<Bundle, Optional<PluginDescriptor>> descriptors) {
        this.plugins = new PluginLookup(context, descriptors);
    }

    @Override
    public void modifyConfiguration(ServiceReference<?> reference, Dictionary<String, Object> properties) {
        if (!(properties.get(Constants.SERVICE_PID) instanceof String pid)
                || !pid.startsWith(PluginConfigurationStore.PID_PREFIX)) {
            return;
        }
        plugins.byId(pid.substring(PluginConfigurationStore.PID_PREFIX.length())).ifPresent(plugin -> {
            DeclaredDefaults defaults = DeclaredDefaults.of(plugin.descriptor());
            Map<String, Object> effective = defaults.overlay(PluginConfigurationStore.asMap(properties),
                    (key, problem) -> LOG.warn("Configuration {}: {}; the default is used", pid, problem));
            effective.forEach(properties::put);
        });
    }
}
