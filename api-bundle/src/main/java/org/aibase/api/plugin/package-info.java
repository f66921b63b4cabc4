/**
 * What a plugin is: its descriptor ({@code plugin.yaml}) and the closed vocabulary of permissions.
 */
@Export
@Version("1.4.0")
package org.aibase.api.plugin;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
