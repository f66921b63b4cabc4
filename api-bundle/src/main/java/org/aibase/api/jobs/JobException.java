package org.aibase.api.jobs;

import java.util.Objects;

/** A job request that cannot be done; the code says why and the message what is allowed. */
public class JobException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The input JSON is larger than {@link JobService#MAX_INPUT_BYTES}. */
    public static final String INPUT_TOO_LARGE = "input_too_large";
    /** The input is not JSON, or the type or name is not acceptable. */
    public static final String INVALID = "invalid";
    /** The plugin has no handler for the type. */
    public static final String UNKNOWN_TYPE = "unknown_type";
    /** No job of the plugin has the id. */
    public static final String NOT_FOUND = "not_found";
    /** The job is not in a status that allows the operation. */
    public static final String CONFLICT = "conflict";
    /** The job store cannot be reached. */
    public static final String UNAVAILABLE = "unavailable";

    private final String code;

    /** Creates an exception with a code and message. */
    public JobException(String code, String message) {
        this(code, message, null);
    }

    /** Creates an exception with a code, message and cause. */
    public JobException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code, one of the constants of this class. */
    public String code() {
        return code;
    }
}
