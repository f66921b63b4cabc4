package org.aibase.llm;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What plugins used of the LLM service since it started, and each plugin's tokens in the last hour. */
@ProviderType
public interface LlmUsage {

    /** Calls, failures and tokens per plugin, endpoint and model, ordered by plugin, endpoint and model. */
    List<UsageRecord> usage();

    /** Each plugin's sliding 60-minute window against its budget, ordered by plugin. */
    List<TokenWindow> windows();
}
