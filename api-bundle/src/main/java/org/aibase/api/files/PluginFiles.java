package org.aibase.api.files;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's own folder, for plugins with the {@code files} permission. Names are relative and use
 * {@code /} ({@code reports/2026/summary.json}); absolute names, {@code ..} and links leading out of
 * the folder are refused; writes are limited by {@code limits.storage}.
 */
@ProviderType
public interface PluginFiles {

    /**
     * The content of a file.
     *
     * @throws PluginFilesException {@code invalid_name}, {@code outside_folder}, {@code not_found}, {@code io_error}
     */
    byte[] read(String name);

    /**
     * Creates or replaces a file (atomically), creating its parent folders.
     *
     * @throws PluginFilesException {@code invalid_name}, {@code outside_folder}, {@code quota_exceeded}, {@code io_error}
     */
    void write(String name, byte[] content);

    /**
     * The entries of a folder ({@code ""} for the plugin's own folder), sorted; folders end with {@code /}.
     *
     * @throws PluginFilesException {@code invalid_name}, {@code outside_folder}, {@code not_found}, {@code io_error}
     */
    List<String> list(String folder);

    /**
     * Deletes a file or an empty folder.
     *
     * @return whether something was deleted
     * @throws PluginFilesException {@code invalid_name}, {@code outside_folder}, {@code io_error}
     */
    boolean delete(String name);

    /** The bytes the plugin's files take. */
    long usedBytes();
}
