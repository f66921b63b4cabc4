package org.aibase.deployer.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.QuarantineKeeper;
import org.aibase.sandbox.Quarantines;

/**
 * Operators' quarantines with fixed terms (pinned, or lifted after an hour), handed to a keeper: the
 * sandbox's policy decides them in the platform; here the deployer is tested as their keeper.
 */
final class OperatorQuarantines implements Quarantines {

    static final Duration LIFT_AFTER = Duration.ofHours(1);

    volatile QuarantineKeeper keeper;

    @Override
    public Quarantine quarantine(String pluginId, Optional<String> reason, boolean pinned) {
        Instant now = Instant.now();
        Quarantine quarantine = new Quarantine(pluginId, reason.orElse("quarantined by an operator"), now,
                pinned ? Optional.empty() : Optional.of(now.plus(LIFT_AFTER)));
        keeper.quarantine(quarantine);
        return quarantine;
    }

    @Override
    public void forced(String pluginId, String description) {
        throw new UnsupportedOperationException("the deployer never reports work ended by force");
    }
}
