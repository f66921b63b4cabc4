/**
 * A plugin's own folder under {@code data/plugins/<id>/}: the only file access a sandboxed plugin has.
 */
@Export
@Version("1.0.0")
package org.aibase.api.files;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
