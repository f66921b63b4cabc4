package org.aibase.llm;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** The configured LLM endpoints and their health, without any secret. */
@ProviderType
public interface LlmStatus {

    /** Every configured endpoint, ordered by name; empty when no provider is configured. */
    List<EndpointStatus> endpoints();
}
