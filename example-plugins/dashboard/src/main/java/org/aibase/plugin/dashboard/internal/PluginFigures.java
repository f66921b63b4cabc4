package org.aibase.plugin.dashboard.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One plugin's figures over a report's time range. Latencies are the time-weighted mean of the
 * sampled percentiles (the platform keeps percentiles of recent requests, not a mean).
 */
public record PluginFigures(String plugin, double requests, double errors, double clientErrors, double latencyP50Ms,
        double latencyP95Ms, double cpuMs, double timeouts, double runaways, double llmCalls, double llmTokens,
        double tokensLastHour, OptionalDouble tokenBudget, OptionalDouble timeoutMs, double jobsCompleted,
        double jobsFailed) {

    /** Server errors per request, 0 without requests. */
    public double errorRate() {
        return requests == 0 ? 0 : errors / requests;
    }

    /** Requests answered without a server error, per request; 1 without requests. */
    public double successRate() {
        return requests == 0 ? 1 : 1 - errorRate();
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("plugin", plugin);
        json.put("requests", (long) requests);
        json.put("errors", (long) errors);
        json.put("client_errors", (long) clientErrors);
        json.put("success_rate", round(successRate()));
        json.put("latency_p50_ms", round(latencyP50Ms));
        json.put("latency_p95_ms", round(latencyP95Ms));
        json.put("cpu_ms", (long) cpuMs);
        json.put("timeouts", (long) timeouts);
        json.put("llm_calls", (long) llmCalls);
        json.put("llm_tokens", (long) llmTokens);
        json.put("llm_tokens_last_hour", (long) tokensLastHour);
        json.put("llm_token_budget", tokenBudget.isPresent() ? (Object) (long) tokenBudget.getAsDouble() : null);
        json.put("timeout_ms", timeoutMs.isPresent() ? (Object) (long) timeoutMs.getAsDouble() : null);
        json.put("jobs_completed", (long) jobsCompleted);
        json.put("jobs_failed", (long) jobsFailed);
        return json;
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
