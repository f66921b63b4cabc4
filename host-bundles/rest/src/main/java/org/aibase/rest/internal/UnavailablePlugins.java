package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;

import org.aibase.api.plugin.PluginState;
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
 * Answers for a plugin whose application is not serving: a request for {@code /api/v1/<id>/...}
 * reaches the platform application only then (the servlet whiteboard routes by the longest
 * prefix). A quarantined, stopped or failed plugin gets 503 with its state and reason instead of a
 * bare 404; an unknown id and an active plugin without such a path stay 404.
 */
@Component(service = ContainerRequestFilter.class, scope = ServiceScope.PROTOTYPE)
@JakartarsExtension
@JakartarsName("aibase.unavailable")
@JakartarsApplicationSelect(PlatformApplication.SELECT)
@PreMatching
// after authentication: callers without a key learn nothing about plugins
@Priority(Priorities.USER + 100)
public final class UnavailablePlugins implements ContainerRequestFilter {

    private final PluginRegistry registry;

    @Activate
    public UnavailablePlugins(@Reference PluginRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        List<jakarta.ws.rs.core.PathSegment> segments = request.getUriInfo().getPathSegments();
        if (segments.isEmpty() || segments.get(0).getPath().isEmpty()) {
            return;
        }
        // platform paths are reserved ids: the validator never lets a plugin take one
        Optional<PluginRecord> plugin = registry.plugin(segments.get(0).getPath());
        if (plugin.isEmpty() || plugin.get().state() == PluginState.ACTIVE) {
            return;
        }
        PluginRecord record = plugin.get();
        String id = segments.get(0).getPath();
        Map<String, Object> details = details(record);
        String message = record.state() == PluginState.QUARANTINED
                ? "Plugin '" + id + "' is quarantined: " + record.reason().orElse("its work ran away")
                        + "; an operator may start it again"
                : "Plugin '" + id + "' is " + record.state().id() + record.reason().map(r -> ": " + r).orElse("")
                        + "; it serves no requests until it is active";
        String code = record.state() == PluginState.QUARANTINED ? "quarantined" : "plugin_unavailable";
        request.abortWith(ApiError.response(503, code, message, details));
    }

    /** What a 503 for a plugin says about it: its state and, if any, the reason. */
    static Map<String, Object> details(PluginRecord record) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("state", record.state().id());
        record.reason().ifPresent(reason -> details.put("reason", reason));
        return details;
    }
}
