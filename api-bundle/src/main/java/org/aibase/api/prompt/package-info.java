/**
 * Prompt templates shipped inside a plugin ({@code templates/*.yaml}), rendered with checked variables.
 */
@Export
@Version("1.1.0")
package org.aibase.api.prompt;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
