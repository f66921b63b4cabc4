package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

import org.aibase.api.plugin.PluginState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The plugins an operator stopped or the platform quarantined, by plugin id, kept in the deployer's
 * data area so they stay stopped across restarts and re-installations from the bundle cache.
 */
final class PluginMarks {

    private static final Logger LOG = LoggerFactory.getLogger(PluginMarks.class);

    /**
     * A mark.
     *
     * @param state {@link PluginState#STOPPED} or {@link PluginState#QUARANTINED}
     * @param reason why, for a quarantine
     */
    record Mark(PluginState state, Optional<String> reason) {
    }

    private final Path file;
    private final Properties marks = new Properties();

    /** Loads the marks from the file, if it exists. */
    PluginMarks(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                marks.load(in);
            } catch (IOException e) {
                LOG.warn("Cannot read {}; plugins stopped by an operator may start again", file, e);
            }
        }
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
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                marks.store(out, "Plugins stopped by an operator or quarantined, by plugin id");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}; stopped plugins may start again at the next start", file, e);
        }
    }
}
