package org.aibase.llm.internal;

import org.aibase.api.llm.LlmException;
import org.aibase.api.llm.Usage;

/** Told about every request the router sends to a provider, so usage is counted where it happens. */
interface AttemptListener {

    /** Listens to nothing. */
    AttemptListener NONE = new AttemptListener() {
        @Override
        public void answered(String endpoint, String model, Usage usage, boolean fallback) {
        }

        @Override
        public void failed(String endpoint, String model, LlmException failure, Usage usage) {
        }
    };

    /** The endpoint answered for the model (as configured, not as the provider names it). */
    void answered(String endpoint, String model, Usage usage, boolean fallback);

    /** The attempt failed; {@code usage} is what the provider reported, {@link Usage#NONE} if nothing. */
    void failed(String endpoint, String model, LlmException failure, Usage usage);
}
