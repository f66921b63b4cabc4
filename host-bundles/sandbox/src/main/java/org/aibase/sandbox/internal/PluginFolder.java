package org.aibase.sandbox.internal;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.aibase.api.files.PluginFiles;
import org.aibase.api.files.PluginFilesException;

/**
 * A plugin's own folder. A name is checked twice: as text (relative, no {@code ..}, no empty or odd
 * segments) and, because a link inside the folder could point anywhere, by the real path of what
 * exists on the way, which must stay inside the folder's real path.
 */
final class PluginFolder implements PluginFiles {

    /** Characters a name segment may not hold: separators other than '/', NUL, control characters, ':' (drive letters, streams). */
    private static final Pattern BAD_SEGMENT = Pattern.compile(".*[\\\\:\\x00-\\x1f].*");
    private static final String TEMP_PREFIX = ".aibase-write-";

    private final Path root;
    private final long quotaBytes;

    PluginFolder(Path root, long quotaBytes) {
        this.root = root.toAbsolutePath().normalize();
        this.quotaBytes = quotaBytes;
    }

    @Override
    public byte[] read(String name) {
        Path file = existing(inside(name));
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw notFound(name);
        } catch (IOException e) {
            throw ioError("read", name, e);
        }
    }

    @Override
    public synchronized void write(String name, byte[] content) {
        java.util.Objects.requireNonNull(content, "content");
        Path file = inside(name);
        if (file.equals(root)) {
            throw invalid(name, "names the folder itself");
        }
        try {
            Files.createDirectories(root);
            Path parent = file.getParent();
            confine(nearestExisting(parent));
            if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                confine(file);
                if (Files.isDirectory(file)) {
                    throw invalid(name, "is a folder");
                }
            }
            long replaced = Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.size(file) : 0;
            long used = usedBytes();
            if (used - replaced + content.length > quotaBytes) {
                throw new PluginFilesException(PluginFilesException.QUOTA_EXCEEDED, "writing " + content.length
                        + " bytes to '" + name + "' would exceed the storage limit: " + used + " of " + quotaBytes
                        + " bytes used (limits.storage)");
            }
            Files.createDirectories(parent);
            confine(parent); // created folders cannot lead out, but one created meanwhile by someone else could
            Path temp = Files.createTempFile(parent, TEMP_PREFIX, ".tmp");
            try {
                Files.write(temp, content);
                move(temp, file);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw ioError("write", name, e);
        }
    }

    @Override
    public List<String> list(String folder) {
        Path dir = folder == null || folder.isEmpty() || folder.equals("/") ? root : existing(inside(folder));
        if (dir.equals(root) && !Files.isDirectory(root)) {
            return List.of(); // nothing written yet
        }
        if (!Files.isDirectory(dir)) {
            throw notFound(folder);
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries
                    .filter(p -> !p.getFileName().toString().startsWith(TEMP_PREFIX))
                    .map(p -> p.getFileName() + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "/" : ""))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw ioError("list", folder, e);
        }
    }

    @Override
    public synchronized boolean delete(String name) {
        Path file = inside(name);
        if (file.equals(root)) {
            throw invalid(name, "names the folder itself");
        }
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        // the link itself may be deleted (it is inside), but only if the folders on the way are inside
        confine(file.getParent());
        try {
            return Files.deleteIfExists(file);
        } catch (DirectoryNotEmptyException e) {
            throw new PluginFilesException(PluginFilesException.IO_ERROR, "'" + name + "' is a folder that is not empty", e);
        } catch (IOException e) {
            throw ioError("delete", name, e);
        }
    }

    @Override
    public long usedBytes() {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        AtomicLong total = new AtomicLong();
        try {
            // links are not followed: a link's target is not the plugin's storage
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        total.addAndGet(attributes.size());
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw ioError("measure", "", e);
        }
        return total.get();
    }

    /** The path of a name, checked as text only. */
    private Path inside(String name) {
        if (name == null || name.isBlank()) {
            throw invalid(String.valueOf(name), "is empty");
        }
        if (name.startsWith("/") || name.startsWith("\\") || Path.of(name).isAbsolute()) {
            throw invalid(name, "is absolute; names are relative to the plugin's folder");
        }
        String trimmed = name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        for (String segment : trimmed.split("/", -1)) {
            if (segment.equals("..")) {
                throw invalid(name, "contains '..'");
            }
            if (segment.isEmpty() || segment.equals(".") || BAD_SEGMENT.matcher(segment).matches()) {
                throw invalid(name, "has an empty, '.' or unusual segment '" + segment + "'");
            }
        }
        Path path = root.resolve(trimmed).normalize();
        if (!path.startsWith(root)) {
            throw outside(name);
        }
        return path;
    }

    /** The path, which must exist and whose real path must be inside. */
    private Path existing(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            throw notFound(root.relativize(path).toString());
        }
        confine(path);
        return path;
    }

    /** Refuses a path whose real location (links resolved) is outside the folder's real location. */
    private void confine(Path path) {
        try {
            Path realRoot = root.toRealPath();
            if (!path.toRealPath().startsWith(realRoot)) {
                throw outside(root.relativize(path).toString());
            }
        } catch (NoSuchFileException e) {
            throw notFound(root.relativize(path).toString());
        } catch (IOException e) {
            throw ioError("resolve", root.relativize(path).toString(), e);
        }
    }

    private Path nearestExisting(Path path) {
        Path current = path;
        while (!current.equals(root) && !Files.exists(current)) {
            current = current.getParent();
        }
        return current;
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static PluginFilesException invalid(String name, String why) {
        return new PluginFilesException(PluginFilesException.INVALID_NAME, "file name '" + name + "' " + why);
    }

    private static PluginFilesException outside(String name) {
        return new PluginFilesException(PluginFilesException.OUTSIDE_FOLDER,
                "'" + name + "' leads out of the plugin's folder (through a link)");
    }

    private static PluginFilesException notFound(String name) {
        return new PluginFilesException(PluginFilesException.NOT_FOUND, "no file or folder '" + name + "'");
    }

    private static PluginFilesException ioError(String action, String name, IOException e) {
        return new PluginFilesException(PluginFilesException.IO_ERROR,
                "cannot " + action + " '" + name + "': " + e.getClass().getSimpleName(), e);
    }
}
