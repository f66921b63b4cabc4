package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.aibase.sandbox.PluginLimits;
import org.aibase.deployer.PluginRecord;

/**
 * One plugin as the page shows it: its record, its usage figures, the rates over the last minute and
 * its LLM tokens of the last hour.
 *
 * @param record the registry's record
 * @param usage its usage; empty for a refused file without an id
 * @param rates requests per minute and error rate
 * @param tokensLastHour its LLM tokens in the sliding hour; empty without the LLM service
 * @param tokenBudget its hourly token budget; empty when unlimited or unknown
 */
record PluginRow(PluginRecord record, Optional<UsageFigures> usage, RequestRates.Rate rates,
        OptionalLong tokensLastHour, OptionalLong tokenBudget) {

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

    /** The effective limits (platform defaults applied) as the page's JSON names them, else none. */
    Map<String, Object> limits() {
        return usage.flatMap(UsageFigures::limits).map(PluginLimits::toMap).orElse(Map.of());
    }
}
