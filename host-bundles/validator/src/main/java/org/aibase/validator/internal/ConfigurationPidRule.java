package org.aibase.validator.internal;

import org.aibase.validator.Finding;
import org.aibase.validator.internal.ComponentDescriptions.Component;

/**
 * A confined plugin's components read only the plugin's own configuration, PID
 * {@code aibase.plugin.<id>}: another PID would be another plugin's or the platform's configuration,
 * secrets included. Checked are explicit {@code configuration-pid}s and, for components that
 * require a configuration, the name DS uses as PID when none is given.
 */
final class ConfigurationPidRule implements ComponentRule {

    /** The prefix of every plugin's configuration PID. */
    static final String PID_PREFIX = "aibase.plugin.";

    private final String pid;

    ConfigurationPidRule(String id) {
        this.pid = PID_PREFIX + id;
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        for (String named : component.configurationPids()) {
            if (!named.equals(pid)) {
                inspection.add(Finding.error(entry, "component " + component.name() + " names configuration PID '"
                        + named + "', not the plugin's own", pid));
            }
        }
        if (component.configurationPids().isEmpty() && component.configurationPolicy().equals("require")
                && !component.name().equals(pid)) {
            inspection.add(Finding.error(entry, "component " + component.name() + " requires a configuration under its name '"
                    + component.name() + "' as PID, not the plugin's own", "configuration-pid " + pid));
        }
    }
}
