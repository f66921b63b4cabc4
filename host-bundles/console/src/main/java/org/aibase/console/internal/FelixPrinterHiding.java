package org.aibase.console.internal;

import java.util.Collection;
import java.util.Map;

import org.apache.felix.inventory.InventoryPrinter;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.hooks.service.EventListenerHook;
import org.osgi.framework.hooks.service.FindHook;
import org.osgi.framework.hooks.service.ListenerHook.ListenerInfo;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/**
 * Keeps Felix's printers that show secrets from every bundle but this one (which wraps them in
 * {@link MaskedPrinter}s) and the framework. Service hooks act on what happens after they are
 * registered, so the runtime starts the Web Console's bundles after the host bundles.
 */
@Component(service = {}, immediate = true)
public final class FelixPrinterHiding implements FindHook, EventListenerHook {

    private final long self;
    private final ServiceRegistration<?> hooks;

    /**
     * Registers itself, the object: as a DS service it would be a service factory, which the framework
     * calls for the hooks while SCR's activating it looks up services, which needs the hooks (a cycle).
     */
    @Activate
    public FelixPrinterHiding(BundleContext context) {
        this.self = context.getBundle().getBundleId();
        this.hooks = context.registerService(new String[] { FindHook.class.getName(), EventListenerHook.class.getName() },
                this, null);
    }

    @Deactivate
    void deactivate() {
        try {
            hooks.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }

    @Override
    public void find(BundleContext context, String name, String filter, boolean allServices,
            Collection<ServiceReference<?>> references) {
        if (!maySee(context.getBundle())) {
            references.removeIf(FelixPrinterHiding::hidden);
        }
    }

    @Override
    public void event(ServiceEvent event, Map<BundleContext, Collection<ListenerInfo>> listeners) {
        if (hidden(event.getServiceReference())) {
            listeners.keySet().removeIf(context -> !maySee(context.getBundle()));
        }
    }

    private boolean maySee(Bundle bundle) {
        return bundle.getBundleId() == self || bundle.getBundleId() == 0;
    }

    private static boolean hidden(ServiceReference<?> reference) {
        return MaskedPrinter.NAMES.contains(reference.getProperty(InventoryPrinter.NAME))
                && !Boolean.TRUE.equals(reference.getProperty(MaskedPrinter.MASKED));
    }
}
