/**
 * HTTP for plugins: how a plugin's Jakarta REST resources reach {@code /api/v1/<plugin-id>/} and answer
 * errors in the platform's shape, and outbound calls.
 */
@Export
@Version("1.1.0")
package org.aibase.api.http;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
