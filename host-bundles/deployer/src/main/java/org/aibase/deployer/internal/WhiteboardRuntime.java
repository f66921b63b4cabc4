package org.aibase.deployer.internal;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.JakartarsServiceRuntime;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.util.tracker.ServiceTracker;
import org.osgi.util.tracker.ServiceTrackerCustomizer;

/**
 * Watches the Jakarta REST whiteboard's runtime (optional): it changes its {@code service.changecount}
 * on every change, which is when the deployer looks whether a plugin's endpoints are being served.
 */
final class WhiteboardRuntime {

    private final BundleContext context;
    private volatile Runnable onChange = () -> { };
    private final ServiceTracker<JakartarsServiceRuntime, JakartarsServiceRuntime> tracker;
    // set before the change is announced: the tracker itself only knows a service after addingService returns
    private volatile JakartarsServiceRuntime current;

    WhiteboardRuntime(BundleContext context) {
        this.context = context;
        this.tracker = new ServiceTracker<>(context, JakartarsServiceRuntime.class, new Customizer());
    }

    /** Starts watching; {@code onChange} runs on each change of the runtime, on the thread that changed it. */
    void open(Runnable onChange) {
        this.onChange = onChange;
        tracker.open();
    }

    void close() {
        tracker.close();
    }

    /** Whether a whiteboard runtime is there at all. */
    boolean present() {
        return current != null;
    }

    /** Whether the runtime reports the application serving every one of the given resource services. */
    boolean serves(String applicationName, Set<Long> resourceServiceIds) {
        JakartarsServiceRuntime runtime = current;
        if (runtime == null) {
            return false;
        }
        RuntimeDTO dto = runtime.getRuntimeDTO();
        if (dto == null || dto.applicationDTOs == null) {
            return false;
        }
        Set<Long> served = Arrays.stream(dto.applicationDTOs)
                .filter(app -> applicationName.equals(app.name) && app.resourceDTOs != null)
                .map((ApplicationDTO app) -> app.resourceDTOs)
                .flatMap(Arrays::stream)
                .map((ResourceDTO resource) -> resource.serviceId)
                .collect(Collectors.toSet());
        return served.containsAll(resourceServiceIds);
    }

    private final class Customizer implements ServiceTrackerCustomizer<JakartarsServiceRuntime, JakartarsServiceRuntime> {

        @Override
        public JakartarsServiceRuntime addingService(ServiceReference<JakartarsServiceRuntime> reference) {
            JakartarsServiceRuntime runtime = context.getService(reference);
            current = runtime;
            onChange.run();
            return runtime;
        }

        @Override
        public void modifiedService(ServiceReference<JakartarsServiceRuntime> reference, JakartarsServiceRuntime runtime) {
            onChange.run();
        }

        @Override
        public void removedService(ServiceReference<JakartarsServiceRuntime> reference, JakartarsServiceRuntime runtime) {
            current = null;
            context.ungetService(reference);
        }
    }
}
