package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.deployer.internal.DeploymentPlanner.IncompleteSighting;
import org.aibase.deployer.internal.DeploymentPlanner.KnownFile;

/**
 * What the deployer remembers about each file while it runs: the last outcome (with the reason of a
 * refusal), the fingerprint a file was refused with, and incomplete sightings.
 */
final class DeploymentRecords {

    private final Map<Path, DeploymentOutcome> outcomes = new HashMap<>();
    private final Map<Path, FileFingerprint> refusals = new HashMap<>();
    private final Map<Path, IncompleteSighting> sightings = new HashMap<>();
    private final Set<Path> validating = new HashSet<>();

    /** What is known about a file, given whether (and with which digest) a bundle is installed from it. */
    synchronized KnownFile known(Path file, boolean installed, Optional<String> installedSha256) {
        return new KnownFile(installed, installedSha256, Optional.ofNullable(refusals.get(file)),
                Optional.ofNullable(sightings.get(file)));
    }

    /** Remembers that the file was seen incomplete. */
    synchronized void sighted(Path file, IncompleteSighting sighting) {
        sightings.put(file, sighting);
    }

    /** Marks a file as being validated, until its outcome is recorded. */
    synchronized void validating(Path file) {
        validating.add(file);
    }

    /** Whether a file is being validated now. */
    synchronized boolean isValidating(Path file) {
        return validating.contains(file);
    }

    /** Records a refusal; the file is not tried again while its fingerprint stays the same. */
    synchronized void refused(Path file, FileFingerprint fingerprint, DeploymentOutcome outcome) {
        sightings.remove(file);
        validating.remove(file);
        refusals.put(file, fingerprint);
        outcomes.put(file, outcome);
    }

    /** Records a deployment, update or removal. */
    synchronized void succeeded(Path file, DeploymentOutcome outcome) {
        sightings.remove(file);
        validating.remove(file);
        refusals.remove(file);
        outcomes.put(file, outcome);
    }

    /** Forgets a file that is gone without anything installed from it. */
    synchronized void forget(Path file) {
        sightings.remove(file);
        validating.remove(file);
        refusals.remove(file);
        outcomes.remove(file);
    }

    /** The last outcome of a file. */
    synchronized Optional<DeploymentOutcome> outcome(Path file) {
        return Optional.ofNullable(outcomes.get(file));
    }

    /** The last outcome of every file, for reporting. */
    synchronized Map<Path, DeploymentOutcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    /** The files being validated now. */
    synchronized Set<Path> validatingFiles() {
        return Set.copyOf(validating);
    }
}
