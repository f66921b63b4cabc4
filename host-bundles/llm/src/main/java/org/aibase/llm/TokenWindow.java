package org.aibase.llm;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A plugin's tokens in the last 60 minutes, its budget ({@code limits.llm_tokens_per_hour}; empty:
 * unlimited) and when the oldest counted call leaves the window (empty: nothing counted).
 */
public record TokenWindow(String plugin, long tokens, OptionalLong budget, Optional<Instant> oldestLeavesAt) {

    /** Checks the fields. */
    public TokenWindow {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(budget, "budget");
        Objects.requireNonNull(oldestLeavesAt, "oldestLeavesAt");
    }
}
