package org.aibase.runtime;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.AllServiceListener;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceEvent;

/**
 * What the launcher waits for, learnt from the framework itself: a service that a stage registers
 * when it is done. The launcher never loads the services' classes; it watches their properties.
 */
final class FrameworkSignals {

    /** Felix HTTP registers its runtime once Jetty serves. */
    static final String HTTP_SERVING = "(objectClass=org.osgi.service.servlet.runtime.HttpServiceRuntime)";
    /** The HTTP host's condition: the API and every started plugin are served. */
    static final String READY = "(&(objectClass=org.osgi.service.condition.Condition)(osgi.condition.id=aibase.ready))";

    private final BundleContext context;

    FrameworkSignals(BundleContext context) {
        this.context = context;
    }

    /** Waits until a service matching the filter is registered; false when the time ran out first. */
    boolean await(String filter, Duration timeout) throws InterruptedException {
        CountDownLatch registered = new CountDownLatch(1);
        AllServiceListener listener = event -> {
            if (event.getType() == ServiceEvent.REGISTERED) {
                registered.countDown();
            }
        };
        try {
            context.addServiceListener(listener, filter);
            if (context.getAllServiceReferences(null, filter) != null) {
                return true;
            }
            return registered.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException("constant filter is valid: " + filter, e);
        } finally {
            context.removeServiceListener(listener);
        }
    }
}
