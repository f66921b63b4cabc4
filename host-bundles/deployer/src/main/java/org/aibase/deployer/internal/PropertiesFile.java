package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small properties file the deployer keeps in its data area. It is written aside and moved in
 * place, so a crash mid-write never leaves a truncated file; a file that cannot be read or written
 * is logged with what losing it means, since the deployer works on without it.
 *
 * @param file where it lives
 * @param comment the comment written at its top
 * @param consequence what a read or write failure means for the operator, for the log
 */
record PropertiesFile(Path file, String comment, String consequence) {

    private static final Logger LOG = LoggerFactory.getLogger(PropertiesFile.class);

    /** The file's entries; empty when it does not exist or cannot be read. */
    Properties load() {
        Properties properties = new Properties();
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                properties.load(in);
            } catch (IOException e) {
                LOG.warn("Cannot read {}; {}", file, consequence, e);
            }
        }
        return properties;
    }

    /** Replaces the file's entries. */
    void save(Properties properties) {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                properties.store(out, comment);
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Cannot write {}; {}", file, consequence, e);
        }
    }
}
