package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import org.aibase.deployer.PluginRecord;

/**
 * One plugin as the page shows it: its record, its usage figures (as the HTTP API serves them), the
 * rates over the last minute and its LLM tokens of the last hour.
 *
 * @param record the registry's record
 * @param usage {@code GET /api/v1/plugins/{id}/usage}'s map; empty without the usage service or an id
 * @param rates requests per minute and error rate
 * @param tokensLastHour its LLM tokens in the sliding hour; empty without the LLM service
 * @param tokenBudget its hourly token budget; empty when unlimited or unknown
 */
record PluginRow(PluginRecord record, Map<String, Object> usage, RequestRates.Rate rates,
        OptionalLong tokensLastHour, OptionalLong tokenBudget) {

    PluginRow {
        usage = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(usage)); // keeps the API's order
    }

    /** The id, or the file name of a refused file without a readable id. */
    String key() {
        return record.id().orElse(record.file());
    }

    Optional<String> id() {
        return record.id();
    }

    String name() {
        return record.descriptor().map(d -> d.name()).orElse(record.file());
    }

    String version() {
        return record.descriptor().map(d -> d.version()).orElse("");
    }

    String security() {
        return record.descriptor().map(d -> d.security().id()).orElse("");
    }

    List<String> permissions() {
        return record.descriptor().map(d -> d.permissions().stream().map(p -> p.id()).toList()).orElse(List.of());
    }

    /** The effective limits from the usage map (platform defaults applied), else none. */
    @SuppressWarnings("unchecked")
    Map<String, Object> limits() {
        return usage.get("limits") instanceof Map<?, ?> limits ? (Map<String, Object>) limits : Map.of();
    }

    long number(String key) {
        return usage.get(key) instanceof Number n ? n.longValue() : 0;
    }

    double decimal(String key) {
        return usage.get(key) instanceof Number n ? n.doubleValue() : 0;
    }

    /** A latency percentile in milliseconds ({@code p50}, {@code p95}, {@code p99}); empty before any request. */
    OptionalDouble latency(String percentile) {
        if (number("requests") > 0 && usage.get("latency_ms") instanceof Map<?, ?> latency
                && latency.get(percentile) instanceof Number n) {
            return OptionalDouble.of(n.doubleValue());
        }
        return OptionalDouble.empty();
    }
}
