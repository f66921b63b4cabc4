package org.aibase.console.internal;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.felix.inventory.InventoryPrinter;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.MetaTypeService;

/**
 * Registers a {@link MaskedPrinter} for each of Felix's printers named in {@link MaskedPrinter#NAMES},
 * with the same properties, for as long as Felix's is there. The secrets are looked up at each print:
 * metatypes come and go with bundles.
 */
@Component(service = {}, immediate = true)
public final class MaskedPrinters {

    private final BundleContext context;
    private final MetaTypeService metatype;
    private final Map<ServiceReference<InventoryPrinter>, ServiceRegistration<InventoryPrinter>> masked =
            new ConcurrentHashMap<>();

    @Activate
    public MaskedPrinters(BundleContext context, @Reference MetaTypeService metatype) {
        this.context = context;
        this.metatype = metatype;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            target = MaskedPrinter.FELIX_PRINTERS)
    void addFelixPrinter(ServiceReference<InventoryPrinter> reference, InventoryPrinter felixPrinter) {
        Dictionary<String, Object> properties = new Hashtable<>();
        for (String key : reference.getPropertyKeys()) {
            if (!key.startsWith("service.")) {
                properties.put(key, reference.getProperty(key));
            }
        }
        properties.put(MaskedPrinter.MASKED, Boolean.TRUE);
        masked.put(reference, context.registerService(InventoryPrinter.class,
                new MaskedPrinter(felixPrinter, () -> SecretNames.declaredBy(metatype, context.getBundles())), properties));
    }

    void removeFelixPrinter(ServiceReference<InventoryPrinter> reference) {
        withdraw(masked.remove(reference));
    }

    @Deactivate
    void deactivate() {
        masked.values().forEach(MaskedPrinters::withdraw);
        masked.clear();
    }

    private static void withdraw(ServiceRegistration<InventoryPrinter> registration) {
        if (registration == null) {
            return;
        }
        try {
            registration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // the framework unregisters a stopping bundle's services itself
        }
    }
}
