package org.aibase.llm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The router's configuration, validated: default model, aliases, fallback chain, retries, circuit. */
record RoutingPolicy(String defaultModel, Map<String, String> aliases, List<String> fallback, int maxRetries,
        Duration backoffInitial, Duration backoffMax, int circuitFailures, Duration circuitOpen) {

    /** The policy with no router configuration. */
    static final RoutingPolicy DEFAULTS = new RoutingPolicy("", Map.of(), List.of(), 2,
            Duration.ofMillis(500), Duration.ofMillis(8000), 5, Duration.ofSeconds(30));

    /** Copies the collections. */
    RoutingPolicy {
        aliases = Map.copyOf(aliases);
        fallback = List.copyOf(fallback);
    }

    /** Reads and checks the typed configuration; fails naming the wrong key. */
    static RoutingPolicy from(RouterConfiguration c) {
        requireAtLeast("max.retries", c.max_retries(), 0);
        requireAtLeast("backoff.initial.ms", c.backoff_initial_ms(), 0);
        requireAtLeast("backoff.max.ms", c.backoff_max_ms(), c.backoff_initial_ms());
        requireAtLeast("circuit.failures", c.circuit_failures(), 1);
        requireAtLeast("circuit.open.seconds", c.circuit_open_seconds(), 1);
        Map<String, String> aliases = new LinkedHashMap<>();
        for (String pair : ConfigValues.list(c.aliases())) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("aliases: '" + pair + "' is not alias=model");
            }
            aliases.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return new RoutingPolicy(c.default_model().trim(), aliases, new ArrayList<>(ConfigValues.list(c.fallback())),
                c.max_retries(), Duration.ofMillis(c.backoff_initial_ms()), Duration.ofMillis(c.backoff_max_ms()),
                c.circuit_failures(), Duration.ofSeconds(c.circuit_open_seconds()));
    }

    private static void requireAtLeast(String key, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(key + ": " + value + " must be at least " + min);
        }
    }
}
