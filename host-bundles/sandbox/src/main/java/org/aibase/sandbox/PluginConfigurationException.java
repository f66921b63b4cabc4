package org.aibase.sandbox;

import java.util.Objects;

/** A plugin configuration that cannot be read or changed; the kind maps to an HTTP status, the message says why. */
public class PluginConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /** No installed plugin with that id (404). */
        NOT_FOUND,
        /** A key the plugin does not declare, or a value of the wrong type (422): the message names both. */
        INVALID
    }

    private final Kind kind;

    /** An exception of a kind, with a message for people. */
    public PluginConfigurationException(Kind kind, String message) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Why. */
    public Kind kind() {
        return kind;
    }
}
