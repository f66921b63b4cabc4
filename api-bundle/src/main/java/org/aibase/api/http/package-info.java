/**
 * HTTP endpoints of plugins: how a plugin's Jakarta REST resources reach {@code /api/v1/<plugin-id>/}.
 */
@Export
@Version("1.0.0")
package org.aibase.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
