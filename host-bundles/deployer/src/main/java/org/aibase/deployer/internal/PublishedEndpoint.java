package org.aibase.deployer.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.PrototypeServiceFactory;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceRegistration;

/**
 * Hands out a plugin's own endpoint service under the whiteboard properties; each whiteboard request
 * scope gets its own instance when the original is a prototype.
 */
final class PublishedEndpoint implements PrototypeServiceFactory<Object> {

    private final ServiceObjects<Object> original;

    /** Publishes the original through the plugin's own service objects. */
    PublishedEndpoint(ServiceObjects<Object> original) {
        this.original = original;
    }

    @Override
    public Object getService(Bundle bundle, ServiceRegistration<Object> registration) {
        return original.getService();
    }

    @Override
    public void ungetService(Bundle bundle, ServiceRegistration<Object> registration, Object service) {
        try {
            original.ungetService(service);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // the plugin or its service is already gone, and with it the instance
        }
    }
}
