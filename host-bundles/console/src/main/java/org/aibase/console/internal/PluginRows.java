package org.aibase.console.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.aibase.deployer.PluginRecord;
import org.aibase.deployer.PluginRegistry;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.TokenWindow;
import org.aibase.rest.usage.PluginUsages;

/** Reads every plugin with its usage from the services the page shows, once per rendering. */
final class PluginRows {

    private final RequestRates rates = new RequestRates();
    private final LongSupplier clock;

    PluginRows(LongSupplier clock) {
        this.clock = clock;
    }

    /**
     * @param usages the usage figures, or null when the REST bundle is not there
     * @param llm the LLM usage, or null when the LLM bundle is not there
     */
    List<PluginRow> read(PluginRegistry registry, PluginUsages usages, LlmUsage llm) {
        Map<String, TokenWindow> windows = llm == null ? Map.of()
                : llm.windows().stream().collect(Collectors.toMap(TokenWindow::plugin, w -> w, (a, b) -> a));
        long now = clock.getAsLong();
        List<PluginRow> rows = registry.plugins().stream().map(record -> row(record, usages, windows, now)).toList();
        rates.retain(rows.stream().map(PluginRow::key).collect(Collectors.toSet()));
        return rows;
    }

    private PluginRow row(PluginRecord record, PluginUsages usages, Map<String, TokenWindow> windows, long now) {
        Map<String, Object> usage = new LinkedHashMap<>();
        if (usages != null) {
            record.id().flatMap(usages::of).ifPresent(usage::putAll);
        }
        usage.values().removeIf(Objects::isNull); // the row keeps an immutable copy
        long requests = usage.get("requests") instanceof Number n ? n.longValue() : 0;
        long errors = usage.get("errors") instanceof Number n ? n.longValue() : 0;
        String key = record.id().orElse(record.file());
        RequestRates.Rate rate = rates.record(key, now, requests, errors);
        TokenWindow window = record.id().map(windows::get).orElse(null);
        OptionalLong tokens = window == null ? OptionalLong.empty() : OptionalLong.of(window.tokens());
        OptionalLong budget = window == null ? budgetFromLimits(usage) : window.budget();
        return new PluginRow(record, usage, rate, tokens, budget);
    }

    private static OptionalLong budgetFromLimits(Map<String, Object> usage) {
        if (usage.get("limits") instanceof Map<?, ?> limits && limits.get("llm_tokens_per_hour") instanceof Number n) {
            return OptionalLong.of(n.longValue());
        }
        return OptionalLong.empty();
    }
}
