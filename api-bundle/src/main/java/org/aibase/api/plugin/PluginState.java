package org.aibase.api.plugin;

import java.util.Locale;

/** Where a plugin is in its life; JSON shows the lower-case {@link #id()}. */
public enum PluginState {
    /** Its JAR is being checked. */
    VALIDATING,
    /** Its JAR was refused; the validation report says why. */
    REJECTED,
    /** Installed, not started (e.g. waiting for its start level). */
    INSTALLED,
    /** Running. */
    ACTIVE,
    /** Could not be resolved or started; the reason is OSGi's. */
    FAILED,
    /** Stopped by an operator; remembered across restarts. */
    STOPPED,
    /** Stopped by the platform after runaway work; remembered across restarts. */
    QUARANTINED;

    /** The JSON name, e.g. {@code active}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
