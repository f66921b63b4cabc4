package org.aibase.deployer.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What cheaply tells that a file changed: its size and modification time.
 *
 * @param size the size in bytes
 * @param lastModifiedMillis the modification time
 */
record FileStamp(long size, long lastModifiedMillis) {

    /** Reads the stamp of an existing file. */
    static FileStamp of(Path file) throws IOException {
        return new FileStamp(Files.size(file), Files.getLastModifiedTime(file).toMillis());
    }
}
