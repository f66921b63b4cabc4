package org.aibase.sandbox.internal;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.PluginLimits;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/** The platform's {@link PluginLimits}, following the sandbox configuration live. */
@Component(service = PluginLimits.class, configurationPid = SandboxConfiguration.PID)
public final class EffectiveLimits implements PluginLimits {

    private volatile PlatformDefaults defaults;

    @Activate
    public EffectiveLimits(SandboxConfiguration configuration) {
        this.defaults = PlatformDefaults.from(configuration);
    }

    @Modified
    void modified(SandboxConfiguration configuration) {
        this.defaults = PlatformDefaults.from(configuration);
    }

    @Override
    public ResourceLimits effective(PluginDescriptor plugin) {
        return defaults.effective(plugin.limits());
    }
}
