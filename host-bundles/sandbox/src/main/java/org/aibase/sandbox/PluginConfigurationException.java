package org.aibase.sandbox;

import java.util.Objects;
import java.util.Optional;

/** A plugin configuration that cannot be read or changed; the kind maps to an HTTP status, the message says why. */
public class PluginConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why. */
    public enum Kind {
        /** No installed plugin with that id (404). */
        NOT_FOUND,
        /** A key the plugin does not declare, or a value of the wrong type or outside its rule (422): the message names both. */
        INVALID,
        /** A value the plugin failed to start with: the last good configuration was restored (422). */
        ROLLED_BACK
    }

    private final Kind kind;
    private final String key;

    /** An exception of a kind, with a message for people. */
    public PluginConfigurationException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** An exception about one configuration key, with a message for people. */
    public PluginConfigurationException(Kind kind, String message, String key) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = key;
    }

    /** The configuration key at fault, when one is. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** Why. */
    public Kind kind() {
        return kind;
    }
}
