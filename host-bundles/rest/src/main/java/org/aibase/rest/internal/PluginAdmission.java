package org.aibase.rest.internal;

import java.util.Optional;
import java.util.concurrent.Semaphore;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Caps how many requests of one plugin execute at once ({@code limits.concurrency}): a request over
 * the cap waits briefly for a slot, then gets 429 with {@code Retry-After}, so one busy plugin cannot
 * take every Jetty thread. Runs after authentication, so refused callers never hold a slot.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class }, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("aibase.admission")
@JakartarsApplicationSelect(PluginRequests.PLUGIN_APPLICATIONS)
@PreMatching
// after the authentication filter (which has the default priority, USER)
@Priority(Priorities.USER + 100)
public final class PluginAdmission implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String SLOT = "aibase.admission.slot";

    private final PluginRegistry registry;
    private final PluginMeters meters;
    private final AdmissionSlots slots;
    private final GovernorSwitch governor;

    @Activate
    public PluginAdmission(@Reference PluginRegistry registry, @Reference PluginMeters meters,
            @Reference AdmissionSlots slots, @Reference GovernorSwitch governor) {
        this.registry = registry;
        this.meters = meters;
        this.slots = slots;
        this.governor = governor;
    }

    @Override
    public void filter(ContainerRequestContext request) throws java.io.IOException {
        if (!governor.enabled()) {
            return;
        }
        Optional<String> id = PluginRequests.pluginId(request);
        Optional<PluginRecord> plugin = id.flatMap(registry::plugin);
        if (plugin.isEmpty() || plugin.get().descriptor().isEmpty()) {
            return; // not a plugin's URL: the router answers 404
        }
        PluginDescriptor descriptor = plugin.get().descriptor().get();
        Semaphore slot;
        try {
            slot = slots.admit(descriptor, meters.of(descriptor.id()));
        } catch (ApiException refused) {
            request.abortWith(Response.fromResponse(refused.toResponse()).header("Retry-After", "1").build());
            return;
        }
        request.setProperty(SLOT, slot);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(SLOT) instanceof Semaphore slot) {
            request.removeProperty(SLOT);
            slot.release();
        }
    }
}
