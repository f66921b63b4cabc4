package org.aibase.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.ResourceLimits;

/**
 * A plugin's effective limits: what its descriptor declares, else the operator's defaults (PID
 * {@code org.aibase.sandbox}). Host bundles that enforce a limit read it here, so every service
 * applies the same defaults.
 */
public interface PluginLimits {

    /** Every limit of the plugin, each present: the declared one, else the platform's default. */
    ResourceLimits effective(PluginDescriptor plugin);

    /** Limits as the HTTP API and the console show them: numbers with their unit in the key; only those present. */
    static Map<String, Object> toMap(ResourceLimits limits) {
        Map<String, Object> json = new LinkedHashMap<>();
        limits.memoryBytes().ifPresent(v -> json.put("memory_bytes", v));
        limits.cpu().ifPresent(v -> json.put("cpu", v));
        limits.concurrency().ifPresent(v -> json.put("concurrency", v));
        limits.storageBytes().ifPresent(v -> json.put("storage_bytes", v));
        limits.timeout().ifPresent(v -> json.put("timeout_ms", v.toMillis()));
        limits.jobs().ifPresent(v -> json.put("jobs", v));
        limits.jobTimeout().ifPresent(v -> json.put("job_timeout_ms", v.toMillis()));
        limits.llmTokensPerHour().ifPresent(v -> json.put("llm_tokens_per_hour", v));
        return json;
    }
}
