package org.aibase.sandbox.internal;

import java.time.Duration;

import org.aibase.api.plugin.ResourceLimits;

/**
 * The operator's terms of the quarantine policy, from the sandbox configuration.
 *
 * @param runaways runaways of one plugin within {@code window} that quarantine it ({@code quarantine.runaways})
 * @param window the sliding window they are counted in ({@code quarantine.window})
 * @param stuckAfter stopped work still running this long after it was stopped quarantines its plugin at
 *        once ({@code quarantine.stuck.after})
 * @param liftAfter how long after it began a quarantine that is not pinned is lifted ({@code quarantine.lift.after})
 */
record QuarantineRules(int runaways, Duration window, Duration stuckAfter, Duration liftAfter) {

    /** The rules, each checked; the message names the key that is wrong and what is allowed. */
    QuarantineRules {
        if (runaways < 1) {
            throw invalid("quarantine.runaways", "must be at least 1, not " + runaways);
        }
        positive("quarantine.window", window);
        positive("quarantine.stuck.after", stuckAfter);
        positive("quarantine.lift.after", liftAfter);
    }

    /** Reads and checks the rules; {@code quarantine.stuck.after} must be longer than {@code runaway.grace}. */
    static QuarantineRules from(SandboxConfiguration configuration) {
        QuarantineRules rules = new QuarantineRules(configuration.quarantine_runaways(),
                duration("quarantine.window", configuration.quarantine_window()),
                duration("quarantine.stuck.after", configuration.quarantine_stuck_after()),
                duration("quarantine.lift.after", configuration.quarantine_lift_after()));
        Duration grace = duration("runaway.grace", configuration.runaway_grace());
        if (rules.stuckAfter().compareTo(grace) <= 0) {
            // otherwise every runaway would count as work that will not stop, and one would quarantine
            throw invalid("quarantine.stuck.after", "must be longer than runaway.grace (" + grace.toMillis() + " ms), not "
                    + rules.stuckAfter().toMillis() + " ms");
        }
        return rules;
    }

    /** A duration of the sandbox configuration, e.g. {@code 10m}; the message names the key. */
    static Duration duration(String key, String text) {
        try {
            return ResourceLimits.parseDuration(text);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw invalid(key, e.getMessage() == null ? "is missing (allowed: a number with ms, s, m or h, e.g. 30s)"
                    : e.getMessage());
        }
    }

    private static void positive(String key, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw invalid(key, "must be a positive duration (e.g. 10m), not " + value);
        }
    }

    private static IllegalArgumentException invalid(String key, String problem) {
        return new IllegalArgumentException(SandboxConfiguration.PID + ": " + key + " " + problem);
    }
}
