/**
 * Tables written as CSV, JSON or an Office Open XML workbook: a public platform service every plugin
 * may use.
 */
@Export
@Version("1.0.0")
package org.aibase.api.export;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
