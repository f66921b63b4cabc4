package org.aibase.api.files;

import org.aibase.api.plugin.PluginException;

/** Why a file operation was refused or failed; the code is one of the constants here. */
public class PluginFilesException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** The name is empty, absolute, contains {@code ..} or characters a file name cannot hold. */
    public static final String INVALID_NAME = "invalid_name";
    /** The name leads out of the plugin's folder (e.g. through a link). */
    public static final String OUTSIDE_FOLDER = "outside_folder";
    /** The write would take the plugin's files over {@code limits.storage}. */
    public static final String QUOTA_EXCEEDED = "quota_exceeded";
    /** No such file or folder. */
    public static final String NOT_FOUND = "not_found";
    /** The plugin does not hold the {@code files} permission. */
    public static final String NOT_PERMITTED = "not_permitted";
    /** Reading or writing failed. */
    public static final String IO_ERROR = "io_error";

    /** Creates an exception with a code and a message for people. */
    public PluginFilesException(String code, String message) {
        super(code, message);
    }

    /** Creates an exception with a code, a message and its cause. */
    public PluginFilesException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
