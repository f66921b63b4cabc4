package org.aibase.sandbox.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.ReferenceDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * Tells whether a plugin's components took a configuration revision: SCR applies a configuration
 * update asynchronously, so the store watches the components that read the PID until each holds
 * the revision ({@value #REVISION} in its properties). Each service component is then activated here
 * once, by taking and returning its service (a delayed or per-request service nobody holds, or a
 * per-request one whose held instances say nothing of the next), so a value it refuses shows now
 * rather than at its next request.
 */
class ActivationWatch {

    /** The property a configuration update carries so its arrival in a component can be seen. */
    static final String REVISION = "aibase.config.revision";

    private static final Duration POLL = Duration.ofMillis(20);

    private final BundleContext context;
    private final ServiceComponentRuntime scr;

    ActivationWatch(BundleContext context, ServiceComponentRuntime scr) {
        this.context = context;
        this.scr = scr;
    }

    /** Watches nothing: for a store without SCR, every update counts as taken. */
    static ActivationWatch none() {
        return new ActivationWatch(null, null) {
            @Override
            Optional<String> failure(Bundle plugin, String pid, long revision, Duration timeout) {
                return Optional.empty();
            }
        };
    }

    /**
     * Waits until the plugin's components reading {@code pid} took {@code revision}; returns the
     * activation failure of the first that failed with it, empty when all took it (or the timeout
     * passed with no failure seen).
     */
    Optional<String> failure(Bundle plugin, String pid, long revision, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<ComponentConfigurationDTO> configurations = configurations(plugin, pid);
            boolean allArrived = true;
            for (ComponentConfigurationDTO configuration : configurations) {
                boolean arrived = carries(configuration.properties.get(REVISION), revision);
                if (arrived && configuration.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                    return Optional.of(reason(configuration));
                }
                allArrived &= arrived && !inTransit(configuration);
            }
            if (allArrived) {
                Optional<Boolean> probed = probe(configurations, revision);
                if (probed.isPresent()) {
                    return probed.get() ? Optional.empty() : probeFailure(plugin, pid, configurations);
                }
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Takes and returns one instance of each satisfied or active service component: true when all
     * activate, false when one fails, empty when a service is between registrations or still registered
     * with an older revision (asked again on the next poll).
     */
    private Optional<Boolean> probe(List<ComponentConfigurationDTO> configurations, long revision) {
        for (ComponentConfigurationDTO configuration : configurations) {
            // an active one too: a prototype-scoped service may show ACTIVE (instances held by requests in
            // flight) while a new instance, the one the next request gets, fails with the new configuration
            boolean probed = configuration.state == ComponentConfigurationDTO.SATISFIED
                    || configuration.state == ComponentConfigurationDTO.ACTIVE;
            if (!probed || configuration.description.serviceInterfaces.length == 0) {
                continue;
            }
            ServiceReference<?>[] references;
            try {
                references = context.getServiceReferences((String) null, "(" + ComponentConstants.COMPONENT_ID + "=" + configuration.id + ")");
            } catch (InvalidSyntaxException e) {
                throw new IllegalStateException("a component id makes a valid filter", e);
            }
            // SCR shows a component's new properties before it has replaced the service registered with
            // the old ones: an instance of that one says nothing of the new revision
            if (references == null || !carries(references[0].getProperty(REVISION), revision)) {
                return Optional.empty();
            }
            ServiceObjects<Object> objects = serviceObjects(references[0]);
            if (objects == null) {
                return Optional.empty();
            }
            Object instance = objects.getService();
            if (instance == null) {
                return Optional.of(false);
            }
            objects.ungetService(instance);
        }
        return Optional.of(true);
    }

    /**
     * Whether SCR is between deactivating a component for its new configuration and activating it
     * again: it shows the new properties and {@code UNSATISFIED_REFERENCE} for that moment (its
     * reference trackers closed) though every service it needs is there. Skipping it as unsatisfied
     * would take a configuration it will fail with for a good one.
     */
    private boolean inTransit(ComponentConfigurationDTO configuration) {
        if (configuration.state != ComponentConfigurationDTO.UNSATISFIED_REFERENCE) {
            return false;
        }
        for (UnsatisfiedReferenceDTO unsatisfied : configuration.unsatisfiedReferences) {
            Optional<ReferenceDTO> declared = Arrays.stream(configuration.description.references)
                    .filter(reference -> reference.name.equals(unsatisfied.name)).findFirst();
            if (declared.isEmpty() || !registered(declared.get().interfaceName, unsatisfied.target)) {
                return false; // it waits for a service that is not there
            }
        }
        return true;
    }

    private boolean registered(String type, String target) {
        try {
            return context.getAllServiceReferences(type, target) != null;
        } catch (InvalidSyntaxException e) {
            return false; // SCR refused the same filter: the reference stays unsatisfied
        }
    }

    /** Whether a component's or service's {@value #REVISION} property is {@code revision}. */
    private static boolean carries(Object property, long revision) {
        return String.valueOf(revision).equals(String.valueOf(property));
    }

    /** Why the components failed: the DTO's failure when SCR recorded one. */
    private Optional<String> probeFailure(Bundle plugin, String pid, List<ComponentConfigurationDTO> probed) {
        return Optional.of(configurations(plugin, pid).stream()
                .filter(c -> c.state == ComponentConfigurationDTO.FAILED_ACTIVATION).findFirst()
                .map(ActivationWatch::reason)
                .orElse("its component " + probed.get(0).description.name + " failed to activate"));
    }

    @SuppressWarnings("unchecked")
    private ServiceObjects<Object> serviceObjects(ServiceReference<?> reference) {
        try {
            return (ServiceObjects<Object>) context.getServiceObjects(reference);
        } catch (IllegalStateException e) {
            return null;
        }
    }

    private static String reason(ComponentConfigurationDTO configuration) {
        return Optional.ofNullable(configuration.failure).map(ActivationWatch::firstLine)
                .orElse("its component " + configuration.description.name + " failed to activate");
    }

    private List<ComponentConfigurationDTO> configurations(Bundle plugin, String pid) {
        List<ComponentConfigurationDTO> all = new ArrayList<>();
        for (ComponentDescriptionDTO description : scr.getComponentDescriptionDTOs(plugin)) {
            if (description.configurationPid != null && Arrays.asList(description.configurationPid).contains(pid)
                    && scr.isComponentEnabled(description)) {
                all.addAll(scr.getComponentConfigurationDTOs(description));
            }
        }
        return all;
    }

    /**
     * The failure's message: SCR's text is a stack trace whose first line is the exception's class
     * and message; the operator needs the plugin's words, not its classes.
     */
    private static String firstLine(String failure) {
        String line = failure.strip().lines().findFirst().orElse(failure).replaceFirst("^[\\w.$]+(Exception|Error): ", "");
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
