/**
 * The shared persistence service: each plugin's own JPA entities in the platform database, in tables
 * prefixed with its id, within its storage limit.
 */
@Export
@Version("1.1.0")
package org.aibase.api.persistence;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
