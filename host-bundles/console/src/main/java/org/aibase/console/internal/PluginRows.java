package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

import org.aibase.api.jobs.JobStatus;
import org.aibase.deployer.PluginRecord;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.TokenWindow;
import org.aibase.persistence.StorageUsage;
import org.aibase.sandbox.Governor;
import org.aibase.sandbox.PluginLimits;
import org.aibase.sandbox.RequestFigures;

/** Reads every plugin with its usage from where each figure lives, once per rendering. */
final class PluginRows {

    private final RequestRates rates = new RequestRates();
    private final Governor governor;
    private final PluginLimits limits;
    private final LongSupplier clock;

    PluginRows(Governor governor, PluginLimits limits, LongSupplier clock) {
        this.governor = governor;
        this.limits = limits;
        this.clock = clock;
    }

    /**
     * @param plugins the registry's records
     * @param storage the storage measurements, or null without the persistence service
     * @param jobs the job counts by plugin, or null without the job service
     * @param llm the LLM usage, or null when the LLM bundle is not there
     */
    List<PluginRow> read(List<PluginRecord> plugins, StorageUsage storage, Map<String, Map<JobStatus, Long>> jobs,
            LlmUsage llm) {
        Map<String, TokenWindow> windows = llm == null ? Map.of()
                : llm.windows().stream().collect(Collectors.toMap(TokenWindow::plugin, w -> w, (a, b) -> a));
        long now = clock.getAsLong();
        List<PluginRow> rows = plugins.stream().map(record -> {
            Optional<UsageFigures> usage = record.id().map(id -> usage(id, record, storage, jobs));
            return row(record, usage, record.id().map(windows::get), now);
        }).toList();
        rates.retain(rows.stream().map(PluginRow::key).collect(Collectors.toSet()));
        return rows;
    }

    private UsageFigures usage(String id, PluginRecord record, StorageUsage storage, Map<String, Map<JobStatus, Long>> jobs) {
        // measured periodically by the persistence service: approximate by design
        OptionalLong stored = storage == null ? OptionalLong.empty() : OptionalLong.of(storage.usedBytes(id));
        return new UsageFigures(governor.load(id), record.descriptor().map(limits::effective), stored,
                jobs == null ? Optional.empty() : Optional.of(jobs.getOrDefault(id, Map.of())));
    }

    private PluginRow row(PluginRecord record, Optional<UsageFigures> usage, Optional<TokenWindow> window, long now) {
        RequestFigures requests = usage.map(u -> u.load().requests()).orElse(RequestFigures.NONE);
        String key = record.id().orElse(record.file());
        RequestRates.Rate rate = rates.record(key, now, requests.requests(), requests.serverErrors(), requests.clientErrors());
        OptionalLong tokens = window.map(w -> OptionalLong.of(w.tokens())).orElse(OptionalLong.empty());
        OptionalLong budget = window.isPresent() ? window.get().budget()
                : usage.flatMap(UsageFigures::limits).map(l -> l.llmTokensPerHour()).orElse(OptionalLong.empty());
        return new PluginRow(record, usage, rate, tokens, budget);
    }
}
