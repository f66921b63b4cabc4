package org.aibase.sandbox.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.aibase.sandbox.Quarantine;

/**
 * Decides when a plugin is quarantined and when its quarantine is lifted, from what the governor and
 * operators report. One runaway is the plugin's own request failing (its caller already has the 503);
 * the plugin is quarantined only after {@code runaways} of them within {@code window}, or at once for
 * work that will not stop ({@code stuckAfter} after it was stopped). A quarantine lifts
 * {@code liftAfter} after it began unless an operator pinned it, and not while its stopped work still
 * runs: starting the plugin again beside a thread that never ends would only pile up more of them.
 * Pure: no clock, no threads, no OSGi.
 */
final class QuarantinePolicy {

    /** What happened to a plugin's work, or what an operator said. */
    sealed interface Observation permits Runaway, Stuck, OperatorWord {

        /** The plugin it concerns. */
        String pluginId();

        /** When it was observed. */
        Instant at();
    }

    /**
     * Stopped work still running {@code runaway.grace} after it was stopped: it ignored its interrupt.
     *
     * @param description what the governor saw, naming the work, e.g. {@code GET /api/v1/x/spin ignored its interrupt ...}
     */
    record Runaway(String pluginId, String description, Instant at) implements Observation {
    }

    /**
     * Stopped work still running {@code stuckAfter} after it was stopped.
     *
     * @param work the work's name, e.g. {@code task 'spin'}
     * @param running how long it has run since it was stopped
     */
    record Stuck(String pluginId, String work, Duration running, Instant at) implements Observation {
    }

    /**
     * An operator quarantines the plugin, or pins or unpins its quarantine.
     *
     * @param reason what the operator said, if anything
     */
    record OperatorWord(String pluginId, Optional<String> reason, boolean pinned, Instant at) implements Observation {
    }

    /**
     * What is known of a plugin when something is observed.
     *
     * @param runaways when its recent runaways happened, oldest first
     * @param inForce the quarantine in force, if any
     */
    record Known(List<Instant> runaways, Optional<Quarantine> inForce) {

        /** A plugin nothing is known of. */
        static final Known NOTHING = new Known(List.of(), Optional.empty());

        Known {
            runaways = List.copyOf(runaways);
            Objects.requireNonNull(inForce, "inForce");
        }
    }

    /**
     * The decision.
     *
     * @param runaways the runaways to remember for the plugin from now on
     * @param quarantine the quarantine to impose (new, or replacing the one in force)
     * @param note what happened, for the log
     */
    record Decision(List<Instant> runaways, Optional<Quarantine> quarantine, String note) {

        Decision {
            runaways = List.copyOf(runaways);
        }
    }

    private final QuarantineRules rules;

    QuarantinePolicy(QuarantineRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
    }

    QuarantineRules rules() {
        return rules;
    }

    /** Decides what an observation means for its plugin. */
    Decision decide(Observation observed, Known known) {
        Objects.requireNonNull(known, "known");
        if (observed instanceof Runaway runaway) {
            return runaway(runaway, known);
        }
        if (observed instanceof Stuck stuck) {
            return stuck(stuck, known);
        }
        return operator((OperatorWord) observed, known);
    }

    /** Whether the quarantine is to be lifted now, given how many of its plugin's stopped units still run. */
    boolean liftDue(Quarantine quarantine, Instant now, int stoppedWorkRunning) {
        return quarantine.liftsAt().filter(at -> !now.isBefore(at)).isPresent() && stoppedWorkRunning == 0;
    }

    private Decision runaway(Runaway runaway, Known known) {
        if (known.inForce().isPresent()) {
            return new Decision(known.runaways(), Optional.empty(), runaway.description() + "; plugin " + runaway.pluginId()
                    + " is quarantined already");
        }
        Instant from = runaway.at().minus(rules.window());
        List<Instant> recent = new ArrayList<>();
        for (Instant at : known.runaways()) {
            if (at.isAfter(from)) {
                recent.add(at);
            }
        }
        recent.add(runaway.at());
        String count = "runaway " + recent.size() + " of " + rules.runaways() + " within " + format(rules.window())
                + " (quarantine.runaways in quarantine.window)";
        if (recent.size() < rules.runaways()) {
            return new Decision(recent, Optional.empty(), runaway.description() + "; " + count);
        }
        String reason = runaway.description() + "; " + count;
        return new Decision(List.of(), Optional.of(automatic(runaway, reason)), "quarantined: " + reason);
    }

    private Decision stuck(Stuck stuck, Known known) {
        String reason = stuck.work() + " would not stop: still running " + format(stuck.running())
                + " after it was stopped (quarantine.stuck.after = " + format(rules.stuckAfter()) + ")";
        if (known.inForce().isPresent()) {
            return new Decision(known.runaways(), Optional.empty(), reason + "; plugin " + stuck.pluginId()
                    + " is quarantined already");
        }
        return new Decision(List.of(), Optional.of(automatic(stuck, reason)), "quarantined: " + reason);
    }

    private Decision operator(OperatorWord word, Known known) {
        String reason = word.reason().map(said -> "quarantined by an operator: " + said)
                .or(() -> known.inForce().map(Quarantine::reason))
                .orElse("quarantined by an operator");
        Instant since = known.inForce().map(Quarantine::since).orElse(word.at());
        Optional<Instant> liftsAt = word.pinned() ? Optional.empty() : Optional.of(word.at().plus(rules.liftAfter()));
        Quarantine quarantine = new Quarantine(word.pluginId(), reason, since, liftsAt);
        return new Decision(List.of(), Optional.of(quarantine), (word.pinned() ? "pinned: " : "lifts at " + liftsAt.get()
                + ": ") + reason);
    }

    private Quarantine automatic(Observation observed, String reason) {
        return new Quarantine(observed.pluginId(), reason, observed.at(), Optional.of(observed.at().plus(rules.liftAfter())));
    }

    /** A duration as people write it: {@code 10 min}, {@code 5 s}, {@code 250 ms}. */
    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis >= 60_000 && millis % 60_000 == 0) {
            return millis / 60_000 + " min";
        }
        if (millis >= 1000 && millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        return millis + " ms";
    }
}
