package org.aibase.llm.internal;

import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import org.aibase.api.llm.LlmException.Kind;
import org.aibase.api.llm.Usage;
import org.aibase.llm.UsageRecord;

/** Counts calls, failures by kind, fallbacks and tokens per plugin, endpoint and model. Thread-safe. */
final class UsageLedger {

    private record Key(String plugin, String endpoint, String model) {
    }

    private static final Comparator<Key> ORDER = Comparator.comparing(Key::plugin).thenComparing(Key::endpoint)
            .thenComparing(Key::model);

    private static final class Counters {
        final LongAdder calls = new LongAdder();
        final LongAdder fallbacks = new LongAdder();
        final LongAdder prompt = new LongAdder();
        final LongAdder completion = new LongAdder();
        final Map<Kind, LongAdder> failures = new ConcurrentHashMap<>();
    }

    private final Map<Key, Counters> counters = new ConcurrentHashMap<>();

    /** A call the provider answered. */
    void answered(String plugin, String endpoint, String model, Usage usage, boolean fallback) {
        Counters c = of(plugin, endpoint, model);
        c.calls.increment();
        if (fallback) {
            c.fallbacks.increment();
        }
        tokens(c, usage);
    }

    /** A failed call; {@code usage} is what the provider reported for it, if anything ({@link Usage#NONE}). */
    void failed(String plugin, String endpoint, String model, Kind kind, Usage usage) {
        Counters c = of(plugin, endpoint, model);
        c.calls.increment();
        c.failures.computeIfAbsent(kind, k -> new LongAdder()).increment();
        tokens(c, usage);
    }

    /** The counts now, ordered by plugin, endpoint and model. */
    List<UsageRecord> snapshot() {
        return counters.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER)).map(e -> {
            Key k = e.getKey();
            Counters c = e.getValue();
            Map<Kind, Long> failures = new EnumMap<>(Kind.class);
            c.failures.forEach((kind, n) -> failures.put(kind, n.sum()));
            return new UsageRecord(k.plugin(), k.endpoint(), k.model(), c.calls.sum(), failures, c.fallbacks.sum(),
                    c.prompt.sum(), c.completion.sum());
        }).toList();
    }

    private Counters of(String plugin, String endpoint, String model) {
        return counters.computeIfAbsent(new Key(plugin, endpoint, model), k -> new Counters());
    }

    private static void tokens(Counters c, Usage usage) {
        c.prompt.add(usage.promptTokens());
        c.completion.add(usage.completionTokens());
    }
}
