package org.aibase.sandbox.internal;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/** The plugin ids the operator allows to run {@code trusted} ({@code trusted.plugins} of PID {@code org.aibase.sandbox}). */
record TrustedPlugins(Set<String> ids) {

    /** No plugin is trusted. */
    static final TrustedPlugins NONE = new TrustedPlugins(Set.of());

    TrustedPlugins {
        ids = Set.copyOf(ids);
    }

    /** The ids of a configuration value; blanks are ignored. */
    static TrustedPlugins of(String... ids) {
        return new TrustedPlugins(Arrays.stream(ids == null ? new String[0] : ids)
                .filter(Objects::nonNull).map(String::strip).filter(id -> !id.isEmpty())
                .collect(Collectors.toSet()));
    }

    boolean contains(String id) {
        return ids.contains(id);
    }
}
