package org.aibase.llm;

import java.util.Map;
import java.util.Objects;

import org.aibase.api.llm.LlmException.Kind;

/**
 * A plugin's use of one model on one endpoint. {@code calls} counts requests sent to the provider
 * (retries included) plus calls refused before reaching one (endpoint {@value #NO_ENDPOINT});
 * {@code failures} counts the failed ones by kind; tokens are the provider's own figures.
 */
public record UsageRecord(String plugin, String endpoint, String model, long calls, Map<Kind, Long> failures,
        long fallbacks, long promptTokens, long completionTokens) {

    /** The endpoint of calls that never reached one: no provider, unknown model, budget used up. */
    public static final String NO_ENDPOINT = "none";

    /** Checks the fields and copies the failures. */
    public UsageRecord {
        Objects.requireNonNull(plugin, "plugin");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(model, "model");
        failures = Map.copyOf(failures);
    }
}
