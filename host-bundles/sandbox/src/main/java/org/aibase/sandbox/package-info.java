/**
 * For host bundles that serve plugins: which plugin is calling a bundle-scoped service, and its
 * effective limits.
 * Plugins never see this package (it is not on their wiring allow-list).
 */
@Export
@Version("2.4.0")
package org.aibase.sandbox;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
