package org.aibase.api.export;

import org.aibase.api.plugin.PluginException;

/** Tables that cannot be exported; the code says why. */
public class ExportException extends PluginException {

    private static final long serialVersionUID = 1L;

    /** No tables, duplicate or bad names, rows of the wrong length, too many cells. */
    public static final String INVALID = "invalid";
    /** Writing failed. */
    public static final String FAILED = "export_failed";

    /** Creates an exception with a code and message. */
    public ExportException(String code, String message) {
        super(code, message);
    }

    /** Creates an exception with a code, message and cause. */
    public ExportException(String code, String message, Throwable cause) {
        super(code, message, cause);
    }
}
