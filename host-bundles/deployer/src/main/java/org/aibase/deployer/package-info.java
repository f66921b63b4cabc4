/**
 * The plugin registry: what the HTTP API and the Web Console operate on. Exported for the
 * platform's host bundles; plugins never see it.
 */
@Export
@Version("2.1.0")
package org.aibase.deployer;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
