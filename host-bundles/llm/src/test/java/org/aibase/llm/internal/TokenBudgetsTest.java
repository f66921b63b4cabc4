package org.aibase.llm.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.llm.TokenWindow;
import org.junit.jupiter.api.Test;

class TokenBudgetsTest {

    final ManualClock clock = new ManualClock();
    final TokenBudgets budgets = new TokenBudgets(clock);
    final Caller shop = new Caller("shop", OptionalLong.of(1000));

    @Test
    void aWindowForgetsCallsSixtyMinutesAfterTheyEnded() {
        SlidingTokenWindow window = new SlidingTokenWindow();
        Instant t0 = clock.instant();
        window.add(t0, 100);
        window.add(t0.plus(Duration.ofMinutes(30)), 50);

        assertEquals(150, window.total(t0.plus(Duration.ofMinutes(59))));
        assertEquals(Optional.of(t0.plus(Duration.ofHours(1))), window.oldestLeavesAt(t0.plus(Duration.ofMinutes(59))));
        assertEquals(50, window.total(t0.plus(Duration.ofMinutes(60))));
        assertEquals(0, window.total(t0.plus(Duration.ofMinutes(90))));
        assertEquals(Optional.empty(), window.oldestLeavesAt(t0.plus(Duration.ofMinutes(90))));
    }

    @Test
    void callsAreAdmittedUntilTheWindowHoldsTheBudget() {
        budgets.admit(shop);
        budgets.spend(shop, 600);
        clock.advance(Duration.ofMinutes(10));
        budgets.admit(shop);
        budgets.spend(shop, 400);

        LlmException e = assertThrows(LlmException.class, () -> budgets.admit(shop));

        assertEquals(Kind.QUOTA_EXCEEDED, e.kind());
        assertTrue(e.getMessage().contains("'shop' used 1000"), e.getMessage());
        assertTrue(e.getMessage().contains("limits.llm_tokens_per_hour"), e.getMessage());
        assertTrue(e.getMessage().contains("2026-01-01T01:00:00Z"), e.getMessage());
        assertEquals(Optional.of(Duration.ofMinutes(50)), e.retryAfter());
    }

    @Test
    void roomFreesUpWhenTheOldestCountedCallLeaves() {
        budgets.spend(shop, 600);
        clock.advance(Duration.ofMinutes(10));
        budgets.spend(shop, 500);

        clock.advance(Duration.ofMinutes(49));
        assertThrows(LlmException.class, () -> budgets.admit(shop));
        clock.advance(Duration.ofMinutes(1));
        assertDoesNotThrow(() -> budgets.admit(shop));
    }

    @Test
    void withoutABudgetNothingIsRefusedButTokensAreStillCounted() {
        Caller platform = new Caller(Caller.PLATFORM, OptionalLong.empty());
        budgets.spend(platform, 5_000_000);

        assertDoesNotThrow(() -> budgets.admit(platform));
        TokenWindow window = budgets.snapshot().get(0);
        assertEquals(Caller.PLATFORM, window.plugin());
        assertEquals(5_000_000, window.tokens());
        assertEquals(OptionalLong.empty(), window.budget());
    }

    @Test
    void plugInsHaveTheirOwnWindows() {
        budgets.admit(shop);
        budgets.spend(shop, 1000);
        Caller other = new Caller("other", OptionalLong.of(10));

        assertDoesNotThrow(() -> budgets.admit(other));
        assertEquals(2, budgets.snapshot().size());
        assertEquals("other", budgets.snapshot().get(0).plugin());
        assertEquals(OptionalLong.of(1000), budgets.snapshot().get(1).budget());
    }
}
