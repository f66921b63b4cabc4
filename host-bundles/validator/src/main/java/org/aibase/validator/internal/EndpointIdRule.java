package org.aibase.validator.internal;

import java.util.List;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.validator.Finding;
import org.aibase.validator.internal.ComponentDescriptions.Component;

/**
 * Every {@code @PluginEndpoint} of the plugin names the plugin's own id: the id decides under which
 * {@code /api/v1/<id>/} a resource is served, and a plugin must not serve under another's prefix.
 * The annotation leaves a component property.
 */
final class EndpointIdRule implements ComponentRule {

    private final String id;

    EndpointIdRule(String id) {
        this.id = id;
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        for (String value : component.properties().getOrDefault(PluginEndpoint.PROPERTY, List.of())) {
            if (!value.equals(id)) {
                inspection.add(Finding.error(entry, "component " + component.name() + " has @PluginEndpoint(\""
                        + value + "\"), not the plugin id '" + id + "'", "@PluginEndpoint(\"" + id + "\")"));
            }
        }
    }
}
