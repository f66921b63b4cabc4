package org.aibase.validator.internal;

import org.aibase.api.plugin.Plugin;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.internal.ComponentDescriptions.Component;

/**
 * Tasks declared in {@code plugin.yaml} need a component that provides the {@link Plugin} service
 * to run them: without one every declared task would answer that the plugin has no task handler.
 */
final class TaskHandlerRule implements ComponentRule {

    private final boolean declaresTasks;
    private boolean handler;

    TaskHandlerRule(PluginDescriptor descriptor) {
        this.declaresTasks = !descriptor.tasks().isEmpty();
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        handler |= component.provides().contains(Plugin.class.getName());
    }

    @Override
    public void finish(Inspection inspection) {
        if (declaresTasks && !handler) {
            inspection.add(Finding.error(Locations.field("tasks"), "declares tasks, but no component provides the "
                    + Plugin.class.getName() + " service that runs them", "a component with @Component(service = Plugin.class), or no tasks"));
        }
    }
}
