package org.aibase.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The folders of one AI Base installation: {@code deploy/}, {@code config/}, {@code data/}. */
record RuntimeHome(Path root) {

    Path deploy() {
        return root.resolve("deploy");
    }

    Path config() {
        return root.resolve("config");
    }

    Path data() {
        return root.resolve("data");
    }

    Path frameworkCache() {
        return data().resolve("felix-cache");
    }

    /** The runtime's log file ({@link RuntimeLogFile}), read by {@code GET /api/v1/logs}. */
    Path logs() {
        return data().resolve("logs");
    }

    Path credentials() {
        return data().resolve("credentials.properties");
    }

    /**
     * Creates the folders that are missing. {@code data/} and the framework cache in it hold keys,
     * passwords and the configuration Config Admin persists: they are created owner-only (0700 where
     * the file system has POSIX permissions), and an existing {@code data/} is narrowed to it, so
     * nothing written inside is readable by other users whatever its own mode.
     */
    RuntimeHome prepare() throws IOException {
        Files.createDirectories(deploy());
        Files.createDirectories(config());
        ownerOnly(data());
        ownerOnly(frameworkCache());
        return this;
    }

    private static void ownerOnly(Path folder) throws IOException {
        if (!folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(folder);
            return;
        }
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rwx------");
        if (Files.isDirectory(folder)) {
            Files.setPosixFilePermissions(folder, owner);
        } else {
            // created with the mode, not chmod-ed after: no moment in which it is open to others
            Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(owner));
        }
    }
}
