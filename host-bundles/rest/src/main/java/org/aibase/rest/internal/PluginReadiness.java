package org.aibase.rest.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.jakartars.runtime.dto.ApplicationDTO;
import org.osgi.service.jakartars.runtime.dto.ResourceDTO;
import org.osgi.service.jakartars.runtime.dto.RuntimeDTO;
import org.osgi.service.jakartars.whiteboard.JakartarsWhiteboardConstants;

/**
 * Whether every active plugin's REST resources are live in the Jakarta REST runtime.
 *
 * <p>Registration in the whiteboard is asynchronous (it rebuilds the Jersey application), so a
 * plugin being ACTIVE does not mean its URLs answer yet. The platform publishes each endpoint of a
 * plugin as a service registered by the plugin bundle itself; a plugin is ready when the runtime's
 * DTOs list each of those services as a resource.
 */
final class PluginReadiness {

    static final String PLUGIN_HEADER = "AIBase-Plugin";
    static final String PLUGIN_ID_PROPERTY = "aibase.plugin.id";

    private PluginReadiness() {
    }

    /** One entry per installed plugin bundle: bundle, state, endpoint counts. */
    static List<Map<String, Object>> plugins(BundleContext context, RuntimeDTO runtime) {
        Set<Long> live = runtime == null ? Set.of() : liveResourceIds(runtime);
        List<Map<String, Object>> plugins = new ArrayList<>();
        for (Bundle bundle : context.getBundles()) {
            if (bundle.getHeaders("").get(PLUGIN_HEADER) == null) {
                continue;
            }
            List<Long> endpoints = publishedEndpoints(bundle);
            long registered = endpoints.stream().filter(live::contains).count();
            Map<String, Object> plugin = new LinkedHashMap<>();
            plugin.put("bundle", bundle.getSymbolicName());
            plugin.put("version", bundle.getVersion().toString());
            plugin.put("state", BundleStates.name(bundle.getState()));
            plugin.put("endpoints", endpoints.size());
            plugin.put("endpoints_registered", registered);
            plugin.put("ready", bundle.getState() == Bundle.ACTIVE && registered == endpoints.size());
            plugins.add(plugin);
        }
        return plugins;
    }

    private static List<Long> publishedEndpoints(Bundle bundle) {
        ServiceReference<?>[] registered = bundle.getRegisteredServices();
        if (registered == null) {
            return List.of();
        }
        return Arrays.stream(registered)
                .filter(ref -> ref.getProperty(PLUGIN_ID_PROPERTY) != null)
                .filter(ref -> Boolean.parseBoolean(String.valueOf(
                        ref.getProperty(JakartarsWhiteboardConstants.JAKARTA_RS_RESOURCE))))
                .map(ref -> (Long) ref.getProperty("service.id"))
                .toList();
    }

    private static Set<Long> liveResourceIds(RuntimeDTO runtime) {
        Set<Long> ids = new HashSet<>();
        List<ApplicationDTO> applications = new ArrayList<>(Arrays.asList(runtime.applicationDTOs));
        if (runtime.defaultApplication != null) {
            applications.add(runtime.defaultApplication);
        }
        for (ApplicationDTO application : applications) {
            for (ResourceDTO resource : application.resourceDTOs) {
                ids.add(resource.serviceId);
            }
        }
        return ids;
    }
}
