/**
 * For host bundles (the web console, the usage endpoint): read-only job statistics. Plugins never see
 * this package (it is not on their wiring allow-list).
 */
@Export
@Version("1.3.0")
package org.aibase.jobs;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
