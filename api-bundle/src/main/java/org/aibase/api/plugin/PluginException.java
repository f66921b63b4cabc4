package org.aibase.api.plugin;

import java.util.Objects;

/** A plugin-level failure with a stable code, e.g. {@code invalid_config}. */
public class PluginException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String code;

    /** Creates an exception with a code and a message for people. */
    public PluginException(String code, String message) {
        super(message);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** Creates an exception with a code, a message and its cause. */
    public PluginException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The stable code. */
    public String code() {
        return code;
    }
}
