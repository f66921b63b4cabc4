package org.aibase.rest.internal;

import java.util.Locale;

/** What a caller may do: {@code admin} implies {@code user}. */
enum Role {
    USER,
    ADMIN;

    /** Whether this role may call an endpoint that needs {@code required}. */
    boolean grants(Role required) {
        return this == ADMIN || required == USER;
    }

    /** The JSON name, e.g. {@code admin}. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
