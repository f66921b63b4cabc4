package org.aibase.rest.internal;

import java.util.ArrayList;
import java.util.List;

/** A list-valued configuration property, as it arrives from Config Admin. */
public final class ConfigLists {

    private ConfigLists() {
    }

    /**
     * The entries: a {@code .cfg} file gives one text per property, with entries separated by commas
     * there, Config Admin's array form several texts; blanks around entries and empty ones are dropped.
     */
    public static List<String> entries(String[] configured) {
        List<String> entries = new ArrayList<>();
        for (String value : configured == null ? new String[0] : configured) {
            for (String entry : (value == null ? "" : value).split(",")) {
                if (!entry.isBlank()) {
                    entries.add(entry.strip());
                }
            }
        }
        return entries;
    }
}
