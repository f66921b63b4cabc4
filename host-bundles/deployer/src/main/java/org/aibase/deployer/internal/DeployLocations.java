package org.aibase.deployer.internal;

import java.net.URI;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How deploy-folder files and bundle locations map to each other: a plugin's location is its file's
 * URI, which is how the deployer recognises its own bundles after a restart.
 */
final class DeployLocations {

    private final Path folder;

    DeployLocations(Path folder) {
        this.folder = folder;
    }

    /** The bundle location of a deploy-folder file. */
    static String of(Path file) {
        return file.toUri().toString();
    }

    /** The deploy-folder file a location refers to; empty for any other location. */
    Optional<Path> fileOf(String location) {
        return path(location).filter(path -> folder.equals(path.getParent()));
    }

    /** A location as a person would name it: the file name of a file location, else the location. */
    static String displayName(String location) {
        return path(location).map(path -> path.getFileName().toString()).orElse(location);
    }

    private static Optional<Path> path(String location) {
        // platform bundles (aibase:platform/...) are most bundles: answering them without an exception
        // matters, as the registry looks at every bundle on every API call
        if (!location.startsWith("file:")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(URI.create(location)).normalize());
        } catch (IllegalArgumentException | FileSystemNotFoundException e) {
            return Optional.empty(); // not a file URI
        }
    }
}
