package org.aibase.persistence;

import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The storage each plugin uses: its tables in the platform database and its files under
 * {@code data/plugins/<id>/}, measured periodically (approximate by design), and its limit.
 */
@ProviderType
public interface StorageUsage {

    /** The bytes the plugin's tables and files took at the last measurement; measured now if never measured. */
    long usedBytes(String pluginId);

    /** The plugin's effective {@code limits.storage} in bytes; empty when no installed plugin has the id. */
    OptionalLong quotaBytes(String pluginId);
}
