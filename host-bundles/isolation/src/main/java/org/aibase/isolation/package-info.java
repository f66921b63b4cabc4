/** The JVMs of isolated plugins, as the platform's figures show them. For host bundles only. */
@Export
@Version("1.0.0")
package org.aibase.isolation;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
