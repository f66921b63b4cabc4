package org.aibase.rest.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.aibase.llm.UsageRecord;

/** The LLM families of {@code /metrics}: tokens, calls and failures per plugin, provider endpoint and model. */
final class LlmMetrics {

    private LlmMetrics() {
    }

    static void write(PrometheusText text, List<UsageRecord> usage) {
        text.family("aibase_llm_tokens_total", "counter", "LLM tokens used, as the provider counted them");
        usage.forEach(r -> {
            text.labelled("aibase_llm_tokens_total", labels(r, "kind", "prompt"), r.promptTokens());
            text.labelled("aibase_llm_tokens_total", labels(r, "kind", "completion"), r.completionTokens());
        });
        text.family("aibase_llm_calls_total", "counter", "LLM calls, retries included");
        usage.forEach(r -> text.labelled("aibase_llm_calls_total", labels(r, null, null), r.calls()));
        text.family("aibase_llm_failures_total", "counter", "failed LLM calls by kind");
        usage.forEach(r -> r.failures().forEach((kind, n) ->
                text.labelled("aibase_llm_failures_total", labels(r, "kind", LlmJson.id(kind)), n)));
    }

    private static Map<String, String> labels(UsageRecord r, String extraName, String extraValue) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("plugin", r.plugin());
        labels.put("provider", r.endpoint());
        labels.put("model", r.model());
        if (extraName != null) {
            labels.put(extraName, extraValue);
        }
        return labels;
    }
}
