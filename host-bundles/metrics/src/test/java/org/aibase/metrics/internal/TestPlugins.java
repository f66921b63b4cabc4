package org.aibase.metrics.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.deployer.PluginRecord;

/** Registry records as the deployer keeps them, for samplings in tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** A plugin with a descriptor declaring these limits, or without a readable descriptor when null. */
    static PluginRecord record(String id, PluginState state, ResourceLimits limits) {
        Optional<PluginDescriptor> descriptor = limits == null ? Optional.empty()
                : Optional.of(new PluginDescriptor(id, id, "1.0.0", null, null, null, null, null, null, null, null,
                        null, Set.of(), null, limits, null));
        return new PluginRecord(Optional.of(id), id + ".jar", descriptor, state, Optional.empty(), Optional.empty(),
                OptionalLong.empty(), List.of(), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
    }

    /** A refused file whose descriptor could not be read. */
    static PluginRecord unreadable(String file) {
        return new PluginRecord(Optional.empty(), file, Optional.empty(), PluginState.REJECTED, Optional.of("no plugin.yaml"),
                Optional.empty(), OptionalLong.empty(), List.of(), Instant.parse("2026-01-01T00:00:00Z"), Optional.empty());
    }
}
