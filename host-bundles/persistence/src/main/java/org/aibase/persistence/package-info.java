/**
 * For host bundles only: how much storage each plugin uses. Plugins never see this package (it is
 * not on their wiring allow-list) nor its service (it is not in the service grants).
 */
@Export
@Version("1.0.0")
package org.aibase.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
