package org.aibase.runtime;

import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;

/** A plugin id given on the command line: checked before it becomes a URL segment. */
final class PluginIds {

    static final String FORM = PluginDescriptor.ID_PATTERN;
    private static final Pattern ID = Pattern.compile(FORM);

    private PluginIds() {
    }

    /** The id, or a usage error naming it and the form allowed. */
    static String check(String id) {
        if (!ID.matcher(id).matches()) {
            throw CommandFailure.usage("'" + id + "' is not a plugin id (allowed: " + FORM
                    + ": 2 to 40 lower-case letters, digits or '_', starting with a letter)");
        }
        return id;
    }
}
