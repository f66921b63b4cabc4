package org.aibase.rest.internal.host;

import java.util.Dictionary;
import java.util.Hashtable;
import java.util.function.BooleanSupplier;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.condition.Condition;

/**
 * Tells the framework when the host serves everything started: the platform's API and every
 * started plugin's application. It registers the OSGi condition {@value #CONDITION_ID} while that
 * holds and withdraws it as soon as a plugin starts that is not served yet, so the launcher learns
 * readiness from the framework, not by asking over HTTP.
 */
final class HostReadiness {

    /** The condition's id; the launcher waits for it. */
    static final String CONDITION_ID = "aibase.ready";

    private final BundleContext context;
    private final BooleanSupplier ready;
    private ServiceRegistration<Condition> registration;

    HostReadiness(BundleContext context, BooleanSupplier ready) {
        this.context = context;
        this.ready = ready;
    }

    /** Looks again whether everything is served, and says so to the framework. */
    synchronized void recheck() {
        boolean now = ready.getAsBoolean();
        if (now && registration == null) {
            Dictionary<String, Object> properties = new Hashtable<>();
            properties.put(Condition.CONDITION_ID, CONDITION_ID);
            registration = context.registerService(Condition.class, Condition.INSTANCE, properties);
        } else if (!now) {
            withdraw();
        }
    }

    /** Withdraws the condition (something started that is not served yet, or the host stops). */
    synchronized void withdraw() {
        if (registration != null) {
            try {
                registration.unregister();
            } catch (IllegalStateException e) {
                // the host bundle is stopping: unregistered with it
            }
            registration = null;
        }
    }
}
