package org.aibase.jobs.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * This node's stable id, kept in {@code <home>/data/node-id}: created once, read at every start, so
 * after a restart the node recognises the jobs it left running.
 */
final class NodeId {

    static final String FILE = "data/node-id";

    private NodeId() {
    }

    static String of(Path home) {
        Path file = home.resolve(FILE);
        try {
            if (Files.isRegularFile(file)) {
                String id = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (!id.isEmpty() && id.length() <= 64) {
                    return id;
                }
            }
            String id = "node-" + UUID.randomUUID().toString().substring(0, 13);
            Files.createDirectories(file.getParent());
            Path temp = file.resolveSibling("node-id.tmp");
            Files.writeString(temp, id + "\n", StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the node id in " + file, e);
        }
    }
}
