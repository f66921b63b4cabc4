package org.aibase.deployer.internal;

import java.util.Objects;
import java.util.Optional;

import org.aibase.deployer.internal.FileObservation.Absent;
import org.aibase.deployer.internal.FileObservation.Complete;
import org.aibase.deployer.internal.FileObservation.Incomplete;

/**
 * Decides what to do about one file of the deploy folder from what is on disk and what is known
 * about it. Pure: no OSGi, no I/O, so every case is a plain unit test.
 */
final class DeploymentPlanner {

    /** What to do. */
    enum Step {
        /** A new plugin file: validate, install, start. */
        INSTALL,
        /** The file of an installed plugin changed: validate, update in place, refresh. */
        UPDATE,
        /** The file of an installed plugin is gone: uninstall, refresh. */
        UNINSTALL,
        /** The file is gone and nothing was installed from it: drop what is known about it. */
        FORGET,
        /** The file is still being written: look again after a quiet period. */
        WAIT,
        /** The file stayed incomplete and unchanged too long: refuse it as unreadable. */
        GIVE_UP,
        /** Nothing changed since the last outcome. */
        SKIP
    }

    /**
     * A file last seen incomplete, and since when it has looked like that.
     *
     * @param stamp the file's stamp when seen
     * @param sinceMillis when it was first seen with this stamp
     */
    record IncompleteSighting(FileStamp stamp, long sinceMillis) {
    }

    /**
     * What the deployer knows about a file.
     *
     * @param installed whether a bundle is installed from this file's location
     * @param installedSha256 the SHA-256 recorded when it was installed; empty when not known
     * @param refused the fingerprint of the file when it was last refused
     * @param incomplete the last sighting of the file while incomplete
     */
    record KnownFile(boolean installed, Optional<String> installedSha256, Optional<FileFingerprint> refused,
                     Optional<IncompleteSighting> incomplete) {

        /** A file the deployer has never seen. */
        static final KnownFile UNKNOWN = new KnownFile(false, Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The decision.
     *
     * @param step what to do
     * @param sighting for {@link Step#WAIT}: the sighting to remember for the next look
     */
    record Plan(Step step, Optional<IncompleteSighting> sighting) {

        static Plan of(Step step) {
            return new Plan(step, Optional.empty());
        }
    }

    private final long giveUpMillis;

    /** A planner that gives up on a file that stays incomplete and unchanged for the given time. */
    DeploymentPlanner(long giveUpMillis) {
        this.giveUpMillis = giveUpMillis;
    }

    /** Plans the step for a file observed now. */
    Plan plan(FileObservation observed, KnownFile known, long nowMillis) {
        Objects.requireNonNull(known, "known");
        if (observed instanceof Absent) {
            return Plan.of(known.installed() ? Step.UNINSTALL : Step.FORGET);
        }
        if (observed instanceof Incomplete incomplete) {
            if (known.refused().map(FileFingerprint::stamp).filter(incomplete.stamp()::equals).isPresent()) {
                return Plan.of(Step.SKIP);
            }
            IncompleteSighting sighting = known.incomplete()
                    .filter(last -> last.stamp().equals(incomplete.stamp()))
                    .orElse(new IncompleteSighting(incomplete.stamp(), nowMillis));
            return nowMillis - sighting.sinceMillis() >= giveUpMillis
                    ? Plan.of(Step.GIVE_UP)
                    : new Plan(Step.WAIT, Optional.of(sighting));
        }
        FileFingerprint fingerprint = ((Complete) observed).fingerprint();
        if (known.refused().filter(fingerprint::equals).isPresent()) {
            return Plan.of(Step.SKIP);
        }
        if (!known.installed()) {
            return Plan.of(Step.INSTALL);
        }
        // an installed bundle without a recorded digest may be anything: bring it in line with the file
        boolean unchanged = known.installedSha256().filter(fingerprint.sha256()::equals).isPresent();
        return Plan.of(unchanged ? Step.SKIP : Step.UPDATE);
    }
}
