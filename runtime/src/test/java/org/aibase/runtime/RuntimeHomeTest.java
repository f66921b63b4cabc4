package org.aibase.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The folders holding secrets are owner-only from the moment they exist. */
class RuntimeHomeTest {

    @TempDir
    Path root;

    @Test
    void dataAndTheFrameworkCacheAreCreatedOwnerOnly() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        RuntimeHome home = new RuntimeHome(root.resolve("home")).prepare();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.data())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.frameworkCache())));
        assertEquals(true, Files.isDirectory(home.deploy()) && Files.isDirectory(home.config()));
    }

    @Test
    void anExistingDataFolderOpenToOthersIsNarrowed() throws IOException {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path data = Files.createDirectories(root.resolve("home/data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));

        new RuntimeHome(root.resolve("home")).prepare();

        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
    }
}
