package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import org.aibase.api.plugin.PluginState;

/**
 * The plugins an operator stopped or the platform quarantined, by plugin id, kept in the deployer's
 * data area so they stay stopped across restarts and re-installations from the bundle cache.
 */
final class PluginMarks {

    /**
     * A mark.
     *
     * @param state {@link PluginState#STOPPED} or {@link PluginState#QUARANTINED}
     * @param reason why, for a quarantine
     */
    record Mark(PluginState state, Optional<String> reason) {
    }

    private final PropertiesFile file;
    private final Properties marks;

    /** Loads the marks from the file, if it exists. */
    PluginMarks(Path file) {
        this.file = new PropertiesFile(file, "Plugins stopped by an operator or quarantined, by plugin id",
                "plugins stopped by an operator may start again");
        this.marks = this.file.load();
    }

    /** The mark of a plugin. */
    synchronized Optional<Mark> of(String pluginId) {
        String value = marks.getProperty(pluginId);
        if (value == null) {
            return Optional.empty();
        }
        int colon = value.indexOf(':');
        String state = colon < 0 ? value : value.substring(0, colon);
        Optional<String> reason = colon < 0 ? Optional.empty() : Optional.of(value.substring(colon + 1));
        return Optional.of(new Mark(PluginState.QUARANTINED.id().equals(state) ? PluginState.QUARANTINED
                : PluginState.STOPPED, reason));
    }

    /** Whether the plugin must not be started by the deployer. */
    boolean held(String pluginId) {
        return of(pluginId).isPresent();
    }

    /** Marks a plugin stopped by an operator. */
    synchronized void stopped(String pluginId) {
        marks.setProperty(pluginId, PluginState.STOPPED.id());
        save();
    }

    /** Marks a plugin quarantined by the platform. */
    synchronized void quarantined(String pluginId, String reason) {
        marks.setProperty(pluginId, PluginState.QUARANTINED.id() + ":" + reason);
        save();
    }

    /** Forgets a plugin's mark (started again, or removed). */
    synchronized void clear(String pluginId) {
        if (marks.remove(pluginId) != null) {
            save();
        }
    }

    private void save() {
        file.save(marks);
    }
}
