package org.aibase.rest.internal;

import java.util.Locale;

/** What a caller may do: {@code admin} implies {@code user}. */
public enum Role {
    USER,
    ADMIN;

    /** Whether this role may call an endpoint that needs {@code required}. */
    public boolean grants(Role required) {
        return this == ADMIN || required == USER;
    }

    /** The JSON name, e.g. {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this JSON name, if any. */
    public static java.util.Optional<Role> byId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
