package org.aibase.llm.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.LlmException.Kind;
import org.aibase.llm.TokenWindow;

/**
 * Per-plugin hourly token budgets ({@code limits.llm_tokens_per_hour}) over sliding windows. A call is
 * admitted while the window holds less than the budget and counted after it ends, from the provider's
 * usage figures: the cost of a call is only known afterwards, so the last admitted call may overshoot.
 * Windows are kept by plugin id, so a restarted or updated plugin keeps its history.
 */
final class TokenBudgets {

    private record Entry(SlidingTokenWindow window, OptionalLong budget) {
    }

    private final Clock clock;
    private final Map<String, Entry> windows = new ConcurrentHashMap<>();

    TokenBudgets(Clock clock) {
        this.clock = clock;
    }

    /** Refuses the call with QUOTA_EXCEEDED when the caller's window already holds its budget. */
    void admit(Caller caller) {
        Entry entry = windows.compute(caller.id(), (id, old) ->
                new Entry(old == null ? new SlidingTokenWindow() : old.window(), caller.tokensPerHour()));
        if (caller.tokensPerHour().isEmpty()) {
            return;
        }
        long budget = caller.tokensPerHour().getAsLong();
        Instant now = clock.instant();
        long used = entry.window().total(now);
        if (used >= budget) {
            Instant frees = entry.window().oldestLeavesAt(now).orElse(now);
            throw new LlmException(Kind.QUOTA_EXCEEDED, "plugin '" + caller.id() + "' used " + used + " LLM tokens "
                    + "in the last 60 minutes, its budget is " + budget + " (limits.llm_tokens_per_hour); room frees "
                    + "up at " + frees + " when the oldest counted call leaves the window",
                    Duration.between(now, frees), null);
        }
    }

    /** Counts the tokens of a call the caller made. */
    void spend(Caller caller, long tokens) {
        windows.computeIfAbsent(caller.id(), id -> new Entry(new SlidingTokenWindow(), caller.tokensPerHour()))
                .window().add(clock.instant(), tokens);
    }

    /** Every plugin's window now, by plugin id. */
    List<TokenWindow> snapshot() {
        Instant now = clock.instant();
        return windows.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .map(e -> new TokenWindow(e.getKey(), e.getValue().window().total(now), e.getValue().budget(),
                        e.getValue().window().oldestLeavesAt(now)))
                .toList();
    }
}
