package org.aibase.deployer;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the deployment log ({@code data/deployments.log}, JSON lines).
 *
 * @param time when it happened
 * @param type what happened
 * @param file the file in the deploy folder
 * @param pluginId the plugin id, when known
 * @param version the plugin version, when known
 * @param reason why (for {@code rejected} and {@code failed}: the report's verdict or OSGi's message; for
 *        {@code quarantined} and {@code lifted}: the quarantine's reason)
 */
public record DeploymentEvent(Instant time, Type type, String file, Optional<String> pluginId,
        Optional<String> version, Optional<String> reason) {

    /** What happened to a file. */
    public enum Type {
        INSTALLED, UPDATED, REMOVED, REJECTED, FAILED, STARTED, STOPPED, QUARANTINED,
        /** The quarantine policy lifted a quarantine and started the plugin again. */
        LIFTED;

        /** The JSON name, e.g. {@code installed}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Creates an event. */
    public DeploymentEvent {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(pluginId, "pluginId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(reason, "reason");
    }
}
