package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SHA-256 of each file as it was installed, by bundle location, kept in a file so that at the next
 * start an unchanged plugin is left alone and a changed one is updated.
 */
final class InstalledDigests {

    private static final Logger LOG = LoggerFactory.getLogger(InstalledDigests.class);

    private final Path file;
    private final Properties digests = new Properties();

    /** Loads the digests from the file, if it exists. */
    InstalledDigests(Path file) {
        this.file = file;
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                digests.load(in);
            } catch (IOException e) {
                // losing the digests only means unchanged plugins are updated once more
                LOG.warn("Cannot read {}; every deployed plugin will be updated from its file", file, e);
            }
        }
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
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                digests.store(out, "SHA-256 of deploy-folder files as installed, by bundle location");
            }
            // a crash mid-write must not leave a truncated file behind
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}; unchanged plugins may be updated again at the next start", file, e);
        }
    }
}
