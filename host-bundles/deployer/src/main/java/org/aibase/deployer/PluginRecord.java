package org.aibase.deployer;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginState;
import org.aibase.sandbox.Quarantine;
import org.aibase.validator.ValidationReport;

/**
 * What the platform knows of one plugin or refused file.
 *
 * @param id the plugin id; empty for a refused file whose descriptor could not be read
 * @param file the file name in the deploy folder
 * @param descriptor the descriptor, when it could be read
 * @param state the state
 * @param reason why it is {@code rejected}, {@code failed} or {@code quarantined} (OSGi's message, e.g. the missing package)
 * @param report the validation report of the file's current content
 * @param bundleId the OSGi bundle id while installed
 * @param endpoints the URL paths its REST application serves, e.g. {@code /api/v1/hello}
 * @param since when it entered this state
 * @param quarantine while {@code quarantined}: since when, and when it lifts (empty when pinned)
 */
public record PluginRecord(Optional<String> id, String file, Optional<PluginDescriptor> descriptor, PluginState state,
        Optional<String> reason, Optional<ValidationReport> report, OptionalLong bundleId, List<String> endpoints,
        Instant since, Optional<Quarantine> quarantine) {

    /** Creates a record; the endpoints are copied. */
    public PluginRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(state, "state");
        endpoints = List.copyOf(endpoints);
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(quarantine, "quarantine");
    }
}
