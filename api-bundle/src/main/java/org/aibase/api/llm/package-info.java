/**
 * The shared LLM service: chat requests routed to configured providers, with fallback and retries.
 */
@Export
@Version("1.0.0")
package org.aibase.api.llm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
