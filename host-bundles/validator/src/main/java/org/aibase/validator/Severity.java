package org.aibase.validator;

/** How serious a finding is. */
public enum Severity {
    /** The plugin is refused. */
    ERROR,
    /** Worth fixing; the plugin is still accepted. */
    WARNING
}
