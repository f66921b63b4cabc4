/**
 * Read-only views of the LLM service for the platform's HTTP API: what each plugin used, each
 * plugin's token window and the endpoints' health. Plugins never see this package.
 */
@Export
@Version("1.1.0")
package org.aibase.llm;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
