package org.aibase.validator.internal;

import org.aibase.api.plugin.PluginDescriptor;

/** A rule about the descriptor's content; it applies only once the descriptor could be read. */
public abstract class DescriptorRule implements PluginCheck {

    @Override
    public final void check(Inspection inspection) {
        inspection.descriptor().ifPresent(descriptor -> check(descriptor, inspection));
    }

    /** Applies the rule to the descriptor, adding findings to the inspection. */
    protected abstract void check(PluginDescriptor descriptor, Inspection inspection);
}
