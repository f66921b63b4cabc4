package org.aibase.validator.internal.bytecode;

import java.util.Objects;

/**
 * Why a group of APIs is refused and what a plugin uses instead: the words of every refusal in the group.
 *
 * @param name the family's name in the table, e.g. {@code threads}
 * @param reason what the APIs would do, as a verb phrase: {@code runs work on threads the platform cannot govern}
 * @param instead the platform's way to do it, e.g. {@code PluginContext.executor()}
 */
public record ApiFamily(String name, String reason, String instead) {

    /** Creates a family; every component is required. */
    public ApiFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(instead, "instead");
    }
}
