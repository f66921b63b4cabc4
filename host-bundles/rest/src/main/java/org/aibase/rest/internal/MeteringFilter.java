package org.aibase.rest.internal;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ServiceScope;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsApplicationSelect;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsExtension;
import org.osgi.service.jakartars.whiteboard.propertytypes.JakartarsName;

/**
 * Meters every request to a plugin's application: count, status class and latency, from the first
 * filter to the response (which the governor's thread may write). CPU and allocations are the
 * governor's: it samples the thread that runs the resource method.
 */
@Component(service = { ContainerRequestFilter.class, ContainerResponseFilter.class }, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("aibase.metering")
@JakartarsApplicationSelect(PluginRequests.PLUGIN_APPLICATIONS)
@PreMatching
public final class MeteringFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String STARTED = "aibase.metering.started";
    private static final String PLUGIN = "aibase.metering.plugin";

    private final PluginMeters meters;
    private final GovernorSwitch governor;

    @Activate
    public MeteringFilter(@Reference PluginMeters meters, @Reference GovernorSwitch governor) {
        this.meters = meters;
        this.governor = governor;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        java.util.Optional<String> id = governor.enabled() ? PluginRequests.pluginId(request) : java.util.Optional.empty();
        if (id.isEmpty()) {
            return;
        }
        String plugin = id.get();
        meters.of(plugin).started();
        request.setProperty(PLUGIN, plugin);
        request.setProperty(STARTED, System.nanoTime());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(PLUGIN) instanceof String plugin)) {
            return;
        }
        long nanos = System.nanoTime() - (Long) request.getProperty(STARTED);
        meters.of(plugin).finished(response.getStatus(), nanos);
    }
}
