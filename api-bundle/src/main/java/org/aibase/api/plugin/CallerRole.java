package org.aibase.api.plugin;

import java.util.Locale;
import java.util.Optional;

/**
 * What a caller of the platform's API may do; {@code admin} includes {@code user}. A plugin states
 * the role a task needs in {@code plugin.yaml} ({@link TaskDeclaration#role()}) and the role an
 * endpoint needs with {@code @RolesAllowed("admin")}.
 */
public enum CallerRole {
    USER,
    ADMIN;

    /** Whether this role may do what needs {@code required}. */
    public boolean grants(CallerRole required) {
        return this == ADMIN || required == USER;
    }

    /** The name in JSON and {@code plugin.yaml}, e.g. {@code admin}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role with this name, if any. */
    public static Optional<CallerRole> byId(String id) {
        for (CallerRole role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
