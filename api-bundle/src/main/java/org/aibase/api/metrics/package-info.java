/**
 * Platform metrics and their history (granted by the {@code metrics.read} permission): per-plugin
 * meters and system figures, sampled periodically into the platform database.
 */
@Export
@Version("1.0.0")
package org.aibase.api.metrics;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
