package org.aibase.rest.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded JAR in the staging folder. Closing deletes it unless the registry has already moved
 * it into the deploy folder, so a refused or failed upload leaves nothing behind.
 */
record StagedJar(Path path) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete the staged upload " + path, e);
        }
    }
}
