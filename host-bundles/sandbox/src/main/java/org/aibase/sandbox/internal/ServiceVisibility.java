package org.aibase.sandbox.internal;

import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;

/** Who may see which service: the decision behind the find and event listener hooks. */
final class ServiceVisibility {

    private final KnownPlugins plugins;

    ServiceVisibility(KnownPlugins plugins) {
        this.plugins = plugins;
    }

    /** Whether the consumer bundle may see the service. */
    boolean visible(Bundle consumer, ServiceReference<?> reference) {
        Bundle owner = reference.getBundle();
        if (consumer == null || owner == null || consumer.getBundleId() == owner.getBundleId()
                || consumer.getBundleId() == 0) {
            return true; // its own; the framework itself; or unregistered already (nothing left to see)
        }
        Optional<Confined> confined = plugins.restricted(consumer);
        if (confined.isPresent()) {
            // only platform services from the grants table; another plugin's services never
            return plugins.of(owner).isEmpty()
                    && ServiceGrants.grants(confined.get(), (String[]) reference.getProperty(Constants.OBJECTCLASS));
        }
        if (WhiteboardRule.isWhiteboard(consumer)) {
            return plugins.restricted(owner).isEmpty() || WhiteboardRule.visibleToWhiteboard(reference);
        }
        return true;
    }
}
