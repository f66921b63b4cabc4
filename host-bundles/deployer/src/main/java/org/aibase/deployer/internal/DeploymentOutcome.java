package org.aibase.deployer.internal;

import java.time.Instant;
import java.util.Optional;

import org.aibase.validator.ValidationReport;

/**
 * The last thing that happened to a file of the deploy folder.
 *
 * @param file the file name
 * @param status what happened
 * @param pluginId the plugin's id; empty when it could not be read
 * @param reason why a file was refused; empty otherwise
 * @param at when
 * @param report the validation report of the file's content, when it was validated
 */
record DeploymentOutcome(String file, Status status, String pluginId, String reason, Instant at,
                         Optional<ValidationReport> report) {

    /** What happened to a file. */
    enum Status {
        DEPLOYED,
        UPDATED,
        REMOVED,
        REFUSED
    }
}
