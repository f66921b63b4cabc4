package org.aibase.sandbox;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The platform's one quarantine policy, as operators reach it (the plugin registry calls it). The
 * governor applies the same policy to runaway work: a plugin is quarantined after repeated runaways
 * within a window or for work that will not stop, and lifted after a period unless pinned. Decisions
 * are carried out by the {@link QuarantineKeeper}. For host bundles only.
 */
@ProviderType
public interface Quarantines {

    /**
     * Quarantines a plugin on an operator's word, or changes the quarantine in force: pinned, it lasts
     * until an operator starts the plugin; not pinned, it is lifted after the configured period
     * ({@code quarantine.lift.after}) from now.
     *
     * @param reason what the operator says; empty keeps the reason of the quarantine in force
     * @return the quarantine now in force
     */
    Quarantine quarantine(String pluginId, Optional<String> reason, boolean pinned);

    /**
     * Reports work of a plugin that had to be ended by force outside the governor: the JVM of an isolated
     * plugin that was killed because work in it ignored its interrupt, or that ended unasked (out of
     * memory, an exit). It counts as one runaway of the policy ({@code quarantine.runaways} within
     * {@code quarantine.window} quarantine the plugin). Returns at once.
     */
    void forced(String pluginId, String description);
}
