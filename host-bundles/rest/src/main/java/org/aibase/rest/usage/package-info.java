/** Plugins' usage figures for other host bundles. */
@Export
@Version("1.0.0")
package org.aibase.rest.usage;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
