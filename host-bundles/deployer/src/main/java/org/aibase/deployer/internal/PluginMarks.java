package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

import org.aibase.api.plugin.PluginState;
import org.aibase.sandbox.Quarantine;

/**
 * The plugins an operator stopped or the quarantine policy quarantined, by plugin id, kept in the
 * deployer's data area so they stay stopped across restarts and re-installations from the bundle
 * cache. A quarantine keeps when it began and when it lifts ({@code <id>.since}, {@code <id>.lifts};
 * plugin ids have no dots, so the keys cannot meet an id); one written without them is pinned.
 */
final class PluginMarks {

    /**
     * A mark.
     *
     * @param state {@link PluginState#STOPPED} or {@link PluginState#QUARANTINED}
     * @param quarantine the quarantine, for {@link PluginState#QUARANTINED}
     */
    record Mark(PluginState state, Optional<Quarantine> quarantine) {
    }

    private static final String SINCE = ".since";
    private static final String LIFTS = ".lifts";

    private final PropertiesFile file;
    private final Properties marks;
    /** When a quarantine written without its start was first read: it began no later. */
    private final Instant loaded = Instant.now();

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
        if (!PluginState.QUARANTINED.id().equals(state)) {
            return Optional.of(new Mark(PluginState.STOPPED, Optional.empty()));
        }
        String reason = colon < 0 ? "quarantined" : value.substring(colon + 1);
        Instant since = instant(pluginId + SINCE).orElse(loaded);
        Quarantine quarantine = new Quarantine(pluginId, reason, since, instant(pluginId + LIFTS));
        return Optional.of(new Mark(PluginState.QUARANTINED, Optional.of(quarantine)));
    }

    /** The quarantine in force for a plugin. */
    Optional<Quarantine> quarantine(String pluginId) {
        return of(pluginId).flatMap(Mark::quarantine);
    }

    /** Every quarantine in force. */
    synchronized List<Quarantine> quarantines() {
        List<Quarantine> all = new ArrayList<>();
        for (String key : marks.stringPropertyNames()) {
            if (key.indexOf('.') < 0) {
                quarantine(key).ifPresent(all::add);
            }
        }
        return all;
    }

    /** Whether the plugin must not be started by the deployer. */
    boolean held(String pluginId) {
        return of(pluginId).isPresent();
    }

    /** Marks a plugin stopped by an operator. */
    synchronized void stopped(String pluginId) {
        forget(pluginId);
        marks.setProperty(pluginId, PluginState.STOPPED.id());
        save();
    }

    /** Marks a plugin quarantined, replacing any mark it had. */
    synchronized void quarantined(Quarantine quarantine) {
        String id = quarantine.pluginId();
        forget(id);
        marks.setProperty(id, PluginState.QUARANTINED.id() + ":" + quarantine.reason());
        marks.setProperty(id + SINCE, quarantine.since().toString());
        quarantine.liftsAt().ifPresent(at -> marks.setProperty(id + LIFTS, at.toString()));
        save();
    }

    /** Forgets a plugin's mark (started again, or removed). */
    synchronized void clear(String pluginId) {
        if (forget(pluginId)) {
            save();
        }
    }

    private boolean forget(String pluginId) {
        boolean had = marks.remove(pluginId) != null;
        marks.remove(pluginId + SINCE);
        marks.remove(pluginId + LIFTS);
        return had;
    }

    private Optional<Instant> instant(String key) {
        String text = marks.getProperty(key);
        try {
            return text == null ? Optional.empty() : Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty(); // edited by hand beyond reading: the conservative reading is "pinned"
        }
    }

    private void save() {
        file.save(marks);
    }
}
