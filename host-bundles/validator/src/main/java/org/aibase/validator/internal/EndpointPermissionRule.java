package org.aibase.validator.internal;

import java.util.List;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.internal.ComponentDescriptions.Component;

/**
 * {@code @PluginEndpoint} resources and the {@code http} permission go together: the platform serves a
 * plugin's resources only with {@code http}, so resources without it would silently answer nothing
 * (an error), and {@code http} without any resource grants nothing (a warning).
 */
final class EndpointPermissionRule implements ComponentRule {

    private final boolean http;
    private boolean endpoints;

    EndpointPermissionRule(PluginDescriptor descriptor) {
        this.http = descriptor.hasPermission(Permission.HTTP);
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        List<String> ids = component.properties().getOrDefault(PluginEndpoint.PROPERTY, List.of());
        if (ids.isEmpty()) {
            return;
        }
        endpoints = true;
        if (!http) {
            inspection.add(Finding.error(entry, "component " + component.name() + " is a @PluginEndpoint resource, but the plugin "
                    + "does not ask for the 'http' permission: it would never be served", "'http' in plugin.yaml's permissions"));
        }
    }

    @Override
    public void finish(Inspection inspection) {
        if (http && !endpoints) {
            inspection.add(Finding.warning(Locations.field("permissions"), "'http' is asked for, but no component is a "
                    + "@PluginEndpoint resource: nothing is served", "a @PluginEndpoint component, or no 'http'"));
        }
    }
}
