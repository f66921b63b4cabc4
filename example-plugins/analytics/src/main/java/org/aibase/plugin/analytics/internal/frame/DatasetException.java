package org.aibase.plugin.analytics.internal.frame;

/**
 * A dataset that cannot be read or is over a limit. {@link #field()} names what was wrong
 * ({@code records[12]}, {@code body}, {@code line 7}), {@link #code()} is a stable word and
 * {@link #tooLarge()} tells a size limit (HTTP 413) from invalid content (HTTP 422).
 */
public final class DatasetException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;
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
        super(message);
        this.code = code;
        this.field = field;
        this.tooLarge = tooLarge;
    }

    /** A stable word for the problem, e.g. {@code too_many_rows}. */
    public String code() {
        return code;
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
