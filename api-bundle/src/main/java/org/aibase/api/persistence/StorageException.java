package org.aibase.api.persistence;

import org.aibase.api.plugin.PluginException;

/** Why the persistence service refused or failed; the code is one of the constants here. */
public class StorageException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** A write would take the plugin past {@code limits.storage}. */
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    /** The plugin has no {@code @Entity} class. */
    public static final String NO_ENTITIES = "no_entities";
    /** A prefixed table name is longer than the database accepts. */
    public static final String NAME_TOO_LONG = "name_too_long";
    /** A table name already belongs to another plugin. */
    public static final String TABLE_CONFLICT = "table_conflict";
    /** The plugin does not hold the {@code storage} permission. */
    public static final String NOT_PERMITTED = "not_permitted";
    /** The database or the JPA provider failed. */
    public static final String UNAVAILABLE = "unavailable";

    private final long usedBytes;
    private final long quotaBytes;

    /** Creates an exception with a code and a message for people. */
    public StorageException(String code, String message) {
        this(code, message, null);
    }

    /** Creates an exception with a code, a message and its cause. */
    public StorageException(String code, String message, Throwable cause) {
        super(code, message, cause);
        this.usedBytes = -1;
        this.quotaBytes = -1;
    }

    private StorageException(String message, long usedBytes, long quotaBytes) {
        super(QUOTA_EXCEEDED, message);
        this.usedBytes = usedBytes;
        this.quotaBytes = quotaBytes;
    }

    /** A {@value #QUOTA_EXCEEDED} exception saying how much is used of how much. */
    public static StorageException quotaExceeded(String pluginId, long usedBytes, long quotaBytes) {
        return new StorageException("plugin '" + pluginId + "' uses " + usedBytes + " bytes of its storage limit of "
                + quotaBytes + " bytes (limits.storage; measured periodically, so approximate): "
                + "delete data or raise the limit to write more", usedBytes, quotaBytes);
    }

    /** For {@value #QUOTA_EXCEEDED}: the bytes used at the last measurement; else -1. */
    public long usedBytes() {
        return usedBytes;
    }

    /** For {@value #QUOTA_EXCEEDED}: the plugin's limit in bytes; else -1. */
    public long quotaBytes() {
        return quotaBytes;
    }
}
