package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;


/**
 * The SHA-256 of each file as it was installed, by bundle location, kept in a file so that at the next
 * start an unchanged plugin is left alone and a changed one is updated.
 */
final class InstalledDigests {

    private final PropertiesFile file;
    private final Properties digests;

    /** Loads the digests from the file, if it exists. */
    InstalledDigests(Path file) {
        // losing the digests only means unchanged plugins are updated once more
        this.file = new PropertiesFile(file, "SHA-256 of deploy-folder files as installed, by bundle location",
                "unchanged plugins may be updated from their files again");
        this.digests = this.file.load();
    }

    /** The digest recorded for a location. */
    synchronized Optional<String> get(String location) {
        return Optional.ofNullable(digests.getProperty(location));
    }

    /** Records the digest of what was installed at a location. */
    synchronized void put(String location, String sha256) {
        digests.setProperty(location, sha256);
        save();
    }

    /** Forgets a location. */
    synchronized void remove(String location) {
        if (digests.remove(location) != null) {
            save();
        }
    }

    /** Every location with a recorded digest. */
    synchronized Set<String> locations() {
        return new TreeSet<>(digests.stringPropertyNames());
    }

    private void save() {
        file.save(digests);
    }
}
