package org.aibase.plugin.analytics.internal.frame;

import org.aibase.api.plugin.PluginException;

/**
 * A dataset that cannot be read or is over a limit. {@link #field()} names what was wrong
 * ({@code records[12]}, {@code body}, {@code line 7}), {@link #code()} is a stable word and
 * {@link #tooLarge()} tells a size limit (HTTP 413) from invalid content (HTTP 422).
 */
public final class DatasetException extends PluginException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final boolean tooLarge;

    /** Invalid content. */
    public static DatasetException invalid(String code, String field, String message) {
        return new DatasetException(code, field, message, false);
    }

    /** A size limit exceeded. */
    public static DatasetException tooLarge(String code, String field, String message) {
        return new DatasetException(code, field, message, true);
    }

    private DatasetException(String code, String field, String message, boolean tooLarge) {
        // a PluginException: its message is for users, so a job failing with it shows the message as its error
        super(code, message);
        this.field = field;
        this.tooLarge = tooLarge;
    }

    /** Where the problem is. */
    public String field() {
        return field;
    }

    /** Whether a size limit was exceeded (413) rather than the content being invalid (422). */
    public boolean tooLarge() {
        return tooLarge;
    }
}
