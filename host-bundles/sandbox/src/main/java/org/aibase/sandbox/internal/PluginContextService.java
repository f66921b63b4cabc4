package org.aibase.sandbox.internal;

import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginContext;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.CallingPlugin;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginConfigurationException;
import org.aibase.sandbox.PluginConfigurations;
import org.aibase.sandbox.WorkUnit;
import org.osgi.framework.wiring.BundleWiring;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.annotations.ServiceScope;

/**
 * Each plugin's own {@link PluginContext}: bundle-scoped, so the instance knows its plugin and dies
 * with it (SCR releases a bundle's services when it stops), taking the plugin's threads along.
 */
@Component(service = PluginContext.class, scope = ServiceScope.BUNDLE, configurationPid = SandboxConfiguration.PID)
public final class PluginContextService implements PluginContext {

    private final PluginDescriptor descriptor;
    private final ResourceLimits limits;
    private final GovernedExecutors executors;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile PluginConfigurations configurations;

    /** Serves the plugin that uses this instance. */
    @Activate
    public PluginContextService(ComponentContext context, SandboxConfiguration configuration,
            @Reference Governor governor) {
        CallingPlugin plugin = CallingPlugin.of(context);
        this.descriptor = plugin.descriptor();
        this.limits = PlatformDefaults.from(configuration).effective(descriptor.limits());
        BundleWiring wiring = plugin.bundle().adapt(BundleWiring.class);
        ClassLoader loader = wiring == null ? null : wiring.getClassLoader();
        // the executor threads already carry the plugin's class loader
        WorkUnit unit = new WorkUnit(descriptor, WorkUnit.Kind.BACKGROUND, "a background task of plugin " + descriptor.id(),
                null);
        this.executors = new GovernedExecutors(descriptor.id(), limits.concurrency().orElseThrow(),
                PluginThreads.of(descriptor.id(), loader), new AccountedWork(governor, unit));
    }

    @Deactivate
    void deactivate() {
        executors.close();
    }

    @Override
    public PluginDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public ResourceLimits limits() {
        return limits;
    }

    @Override
    public boolean hasPermission(Permission permission) {
        return descriptor.hasPermission(permission);
    }

    @Override
    public Map<String, Object> configuration() {
        PluginConfigurations current = configurations;
        if (current != null) {
            try {
                return java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(current.effective(descriptor.id())));
            } catch (PluginConfigurationException e) {
                // not (yet) in the registry, e.g. while it starts: its declared defaults are its configuration
            }
        }
        return descriptor.defaults();
    }

    @Override
    public ExecutorService executor() {
        return executors.executor();
    }

    @Override
    public ScheduledExecutorService scheduler() {
        return executors.scheduler();
    }
}
