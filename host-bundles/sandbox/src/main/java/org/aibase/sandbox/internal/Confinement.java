package org.aibase.sandbox.internal;

import java.util.Collection;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.hooks.resolver.ResolverHookFactory;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confines plugins by their security level: their wiring (resolver hook) and what services they see
 * and what the HTTP whiteboards see of theirs (service hooks). Immediate, in the sandbox bundle at
 * start level 2, so it is in place before any plugin (level 4) resolves or looks up a service.
 */
@Component(service = {}, immediate = true, configurationPid = SandboxConfiguration.PID)
@Designate(ocd = SandboxConfiguration.class)
public final class Confinement implements ResolverHookFactory, FindHook, EventListenerHook {

    private static final Logger LOG = LoggerFactory.getLogger(Confinement.class);

    private final KnownPlugins plugins;
    private final ServiceVisibility visibility;
    private final ServiceRegistration<?> hooks;

    /**
     * Starts confining with the operator's list of trusted plugins. It registers itself, the object,
     * as the hooks: as a DS service it would be a service factory that the framework calls for every
     * look-up, including those made while SCR creates it (its logger's), a cycle the framework reports.
     */
    @Activate
    public Confinement(BundleContext context, SandboxConfiguration configuration) {
        this.plugins = new KnownPlugins(TrustedPlugins.of(configuration.trusted_plugins()));
        this.visibility = new ServiceVisibility(plugins);
        this.hooks = context.registerService(new String[] { ResolverHookFactory.class.getName(), FindHook.class.getName(),
                EventListenerHook.class.getName() }, this, null);
        LOG.info("Plugins confined by security level; trusted plugins: {}", plugins.trustedIds());
    }

    @Deactivate
    void deactivate() {
        try {
            hooks.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    /** A new list of trusted plugins applies to look-ups at once and to wiring at the plugin's next resolve. */
    @Modified
    void modified(SandboxConfiguration configuration) {
        plugins.trust(TrustedPlugins.of(configuration.trusted_plugins()));
        LOG.info("Trusted plugins now: {} (wiring changes when a plugin is refreshed)", plugins.trustedIds());
    }

    @Override
    public ResolverHook begin(Collection<BundleRevision> triggers) {
        return new PluginResolverHook(plugins);
    }

    @Override
    public void find(BundleContext consumer, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        Bundle bundle = bundleOf(consumer);
        references.removeIf(reference -> !visibility.visible(bundle, reference));
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        ServiceReference<?> reference = event.getServiceReference();
        listeners.keySet().removeIf(consumer -> !visibility.visible(bundleOf(consumer), reference));
    }

    private static Bundle bundleOf(BundleContext context) {
        try {
            return context.getBundle();
        } catch (IllegalStateException e) {
            return null; // a stopped bundle's context: nothing is delivered to it anyway
        }
    }
}
