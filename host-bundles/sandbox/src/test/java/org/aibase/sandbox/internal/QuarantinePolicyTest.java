package org.aibase.sandbox.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.sandbox.Quarantine;
import org.aibase.sandbox.internal.QuarantinePolicy.Decision;
import org.aibase.sandbox.internal.QuarantinePolicy.Known;
import org.aibase.sandbox.internal.QuarantinePolicy.OperatorWord;
import org.aibase.sandbox.internal.QuarantinePolicy.Runaway;
import org.aibase.sandbox.internal.QuarantinePolicy.Stuck;
import org.junit.jupiter.api.Test;

/** The quarantine policy over time, as plain decisions: 3 runaways in 10 min, stuck after 2 min, lifted after 15 min. */
class QuarantinePolicyTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");

    private final QuarantinePolicy policy = new QuarantinePolicy(
            new QuarantineRules(3, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(15)));

    @Test
    void oneRunawayRequestDoesNotQuarantine() {
        Decision decision = policy.decide(runaway("GET /api/v1/x/spin", T0), Known.NOTHING);

        assertTrue(decision.quarantine().isEmpty());
        assertEquals(List.of(T0), decision.runaways(), "remembered for the window");
        assertTrue(decision.note().contains("runaway 1 of 3 within 10 min"), decision.note());
    }

    @Test
    void threeRunawaysWithinTheWindowQuarantineNamingTheLastRequest() {
        Known known = Known.NOTHING;
        known = next(policy.decide(runaway("GET /api/v1/x/a", T0), known), known);
        known = next(policy.decide(runaway("GET /api/v1/x/b", T0.plus(Duration.ofMinutes(4))), known), known);
        Instant third = T0.plus(Duration.ofMinutes(9));

        Decision decision = policy.decide(runaway("GET /api/v1/x/c", third), known);

        Quarantine quarantine = decision.quarantine().orElseThrow();
        assertEquals("x", quarantine.pluginId());
        assertTrue(quarantine.reason().startsWith("GET /api/v1/x/c ignored its interrupt"), quarantine.reason());
        assertTrue(quarantine.reason().contains("runaway 3 of 3 within 10 min"), quarantine.reason());
        assertEquals(third, quarantine.since());
        assertEquals(Optional.of(third.plus(Duration.ofMinutes(15))), quarantine.liftsAt());
        assertFalse(quarantine.pinned());
        assertEquals(List.of(), decision.runaways(), "counting starts afresh after a quarantine");
    }

    @Test
    void runawaysSpreadOverMoreThanTheWindowDoNotQuarantine() {
        Known known = Known.NOTHING;
        for (int minute = 0; minute <= 30; minute += 6) {
            Decision decision = policy.decide(runaway("task 'spin'", T0.plus(Duration.ofMinutes(minute))), known);
            assertTrue(decision.quarantine().isEmpty(), "at minute " + minute + ": " + decision.note());
            assertTrue(decision.runaways().size() <= 2, decision.runaways().toString());
            known = next(decision, known);
        }
    }

    @Test
    void runawaysOfAPluginAlreadyQuarantinedChangeNothing() {
        Quarantine inForce = new Quarantine("x", "earlier", T0, Optional.of(T0.plus(Duration.ofMinutes(15))));
        Known known = new Known(List.of(T0, T0), Optional.of(inForce));

        Decision decision = policy.decide(runaway("job 7", T0.plusSeconds(5)), known);

        assertTrue(decision.quarantine().isEmpty());
        assertTrue(policy.decide(new Stuck("x", "job 7", Duration.ofMinutes(3), T0.plusSeconds(5)), known).quarantine().isEmpty());
    }

    @Test
    void workThatWillNotStopQuarantinesAtOnce() {
        Instant at = T0.plus(Duration.ofMinutes(2));
        Decision decision = policy.decide(new Stuck("x", "task 'spin'", Duration.ofSeconds(121), at), Known.NOTHING);

        Quarantine quarantine = decision.quarantine().orElseThrow();
        assertEquals("task 'spin' would not stop: still running 121 s after it was stopped (quarantine.stuck.after = 2 min)",
                quarantine.reason());
        assertEquals(Optional.of(at.plus(Duration.ofMinutes(15))), quarantine.liftsAt());
    }

    @Test
    void theAutomaticLiftHappensAtItsTimeOnceTheStoppedWorkHasEnded() {
        Quarantine quarantine = policy.decide(new Stuck("x", "task 'spin'", Duration.ofMinutes(2), T0), Known.NOTHING)
                .quarantine().orElseThrow();
        Instant due = T0.plus(Duration.ofMinutes(15));

        assertFalse(policy.liftDue(quarantine, due.minusMillis(1), 0), "not before its time");
        assertFalse(policy.liftDue(quarantine, due, 1), "not while its stopped work still runs");
        assertTrue(policy.liftDue(quarantine, due, 0));
        assertTrue(policy.liftDue(quarantine, due.plus(Duration.ofDays(2)), 0), "also when the platform was down at its time");
    }

    @Test
    void aPinnedQuarantineIsNotLifted() {
        Decision decision = policy.decide(new OperatorWord("x", Optional.of("investigating"), true, T0), Known.NOTHING);

        Quarantine quarantine = decision.quarantine().orElseThrow();
        assertTrue(quarantine.pinned());
        assertEquals("quarantined by an operator: investigating", quarantine.reason());
        assertFalse(policy.liftDue(quarantine, T0.plus(Duration.ofDays(365)), 0));
    }

    @Test
    void anOperatorPinsOrUnpinsTheQuarantineInForceKeepingItsReasonAndStart() {
        Quarantine automatic = policy.decide(new Stuck("x", "task 'spin'", Duration.ofMinutes(2), T0), Known.NOTHING)
                .quarantine().orElseThrow();
        Known known = new Known(List.of(), Optional.of(automatic));

        Quarantine pinned = policy.decide(new OperatorWord("x", Optional.empty(), true, T0.plusSeconds(60)), known)
                .quarantine().orElseThrow();
        assertTrue(pinned.pinned());
        assertEquals(automatic.reason(), pinned.reason());
        assertEquals(T0, pinned.since());

        Instant unpinnedAt = T0.plus(Duration.ofHours(1));
        Quarantine unpinned = policy.decide(new OperatorWord("x", Optional.empty(), false, unpinnedAt),
                new Known(List.of(), Optional.of(pinned))).quarantine().orElseThrow();
        assertEquals(Optional.of(unpinnedAt.plus(Duration.ofMinutes(15))), unpinned.liftsAt(), "the period runs from the word");
    }

    @Test
    void rulesNameTheKeyThatIsWrong() {
        IllegalArgumentException zero = assertThrows(IllegalArgumentException.class,
                () -> new QuarantineRules(0, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(15)));
        assertTrue(zero.getMessage().contains("quarantine.runaways must be at least 1, not 0"), zero.getMessage());

        IllegalArgumentException notAfterGrace = assertThrows(IllegalArgumentException.class, () -> QuarantineRules.from(
                TestConfigurations.sandbox(Map.of("runaway_grace", "5s", "quarantine_stuck_after", "5s"))));
        assertTrue(notAfterGrace.getMessage().contains("quarantine.stuck.after must be longer than runaway.grace"),
                notAfterGrace.getMessage());

        IllegalArgumentException unreadable = assertThrows(IllegalArgumentException.class, () -> QuarantineRules.from(
                TestConfigurations.sandbox(Map.of("quarantine_lift_after", "soon"))));
        assertTrue(unreadable.getMessage().contains("quarantine.lift.after 'soon' is not a duration"), unreadable.getMessage());

        QuarantineRules defaults = QuarantineRules.from(TestConfigurations.sandbox(Map.of()));
        assertEquals(new QuarantineRules(3, Duration.ofMinutes(10), Duration.ofMinutes(2), Duration.ofMinutes(15)), defaults);
    }

    private static Runaway runaway(String work, Instant at) {
        return new Runaway("x", work + " ignored its interrupt: still running 5001 ms after it was stopped", at);
    }

    private static Known next(Decision decision, Known known) {
        return new Known(decision.runaways(), known.inForce());
    }
}
