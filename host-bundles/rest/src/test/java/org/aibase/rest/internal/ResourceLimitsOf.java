package org.aibase.rest.internal;

import org.aibase.sandbox.PluginLimits;

/** Effective limits in unit tests: what the descriptor declares, with no platform defaults. */
final class ResourceLimitsOf {

    static final PluginLimits DECLARED = plugin -> plugin.limits();

    private ResourceLimitsOf() {
    }
}
