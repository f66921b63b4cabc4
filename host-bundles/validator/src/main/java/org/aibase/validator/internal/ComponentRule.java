package org.aibase.validator.internal;

import org.aibase.validator.internal.ComponentDescriptions.Component;

/** One rule about the plugin's DS components, applied to each component of each description. */
interface ComponentRule {

    /** Checks a component declared in the description at {@code entry}. */
    void check(String entry, Component component, Inspection inspection);

    /** Checks what only the whole set of components shows, once every component was checked. */
    default void finish(Inspection inspection) {
        // most rules are about one component at a time
    }
}
