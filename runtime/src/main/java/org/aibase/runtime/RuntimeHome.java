package org.aibase.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

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

    Path credentials() {
        return data().resolve("credentials.properties");
    }

    /** Creates the folders that are missing. */
    RuntimeHome prepare() throws IOException {
        Files.createDirectories(deploy());
        Files.createDirectories(config());
        Files.createDirectories(data());
        return this;
    }
}
