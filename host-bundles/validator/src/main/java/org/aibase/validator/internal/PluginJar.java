package org.aibase.validator.internal;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A read-only view of a plugin JAR for the checks; opening it is the "readable zip" check. Opening
 * reads only the central directory, and every entry the checks read is read with a cap, so a zip
 * bomb is never inflated.
 */
public final class PluginJar implements Closeable {

    /** The manifest's entry name, also the location of manifest findings. */
    public static final String MANIFEST = JarFile.MANIFEST_NAME;

    /** The most bytes read from a small entry (manifest, DS descriptor): they are pages of text, not data. */
    public static final int MAX_READ_BYTES = 1 << 20;

    private final Path file;
    private final String name;
    private final ZipFile zip;
    private Optional<Manifest> manifest;
    private IOException manifestProblem;

    private PluginJar(Path file, ZipFile zip) {
        this.file = file;
        this.name = file.getFileName().toString();
        this.zip = zip;
    }

    /** Opens the JAR; throws when it is not a readable zip file. */
    public static PluginJar open(Path file) throws IOException {
        // a ZipFile, not a JarFile: JarFile would read (inflate) the manifest by itself, unbounded
        return new PluginJar(file, new ZipFile(file.toFile()));
    }

    /** The JAR's file name. */
    public String name() {
        return name;
    }

    /** Every entry of the central directory in order, duplicates included; nothing is inflated. */
    public List<ZipEntry> entries() {
        return Collections.list(zip.entries()).stream().map(ZipEntry.class::cast).toList();
    }

    /**
     * The Unix file type of each entry that declares one (see {@link EntryFileTypes}); throws when the
     * central directory cannot be read for them.
     */
    Map<String, Integer> fileTypes() throws IOException {
        return EntryFileTypes.read(file);
    }

    /** The manifest; empty when the JAR has none. Throws when it is present but unreadable or too large. */
    public Optional<Manifest> manifest() throws IOException {
        if (manifest == null && manifestProblem == null) {
            // read once: several checks ask, and a broken manifest is reported once
            try {
                Optional<byte[]> bytes = read(MANIFEST);
                manifest = bytes.isEmpty() ? Optional.empty()
                        : Optional.of(new Manifest(new ByteArrayInputStream(bytes.get())));
            } catch (IOException e) {
                manifestProblem = e;
            }
        }
        if (manifestProblem != null) {
            throw manifestProblem;
        }
        return manifest;
    }

    /** A main-section manifest header, trimmed; empty when absent or the manifest is unreadable. */
    public Optional<String> header(String header) {
        try {
            return manifest().map(m -> m.getMainAttributes().getValue(header)).map(String::trim);
        } catch (IOException e) {
            return Optional.empty(); // reported by the manifest check
        }
    }

    /** Whether the JAR has a (non-directory) entry with this name. */
    public boolean hasEntry(String entry) {
        ZipEntry e = zip.getEntry(entry);
        return e != null && !e.isDirectory();
    }

    /** Opens an entry; empty when the JAR has no such entry. The caller bounds what it reads. */
    public Optional<InputStream> entry(String entry) throws IOException {
        ZipEntry e = zip.getEntry(entry);
        return e == null || e.isDirectory() ? Optional.empty() : Optional.of(zip.getInputStream(e));
    }

    /**
     * Reads a small entry whole; empty when absent. Throws when it inflates to more than
     * {@value #MAX_READ_BYTES} bytes, without inflating the rest.
     */
    public Optional<byte[]> read(String entry) throws IOException {
        return read(entry, MAX_READ_BYTES);
    }

    /**
     * Reads an entry whole; empty when absent. Throws when it inflates to more than {@code maxBytes},
     * without inflating the rest.
     */
    public Optional<byte[]> read(String entry, int maxBytes) throws IOException {
        Optional<InputStream> in = entry(entry);
        if (in.isEmpty()) {
            return Optional.empty();
        }
        try (InputStream stream = in.get()) {
            return Optional.of(readAtMost(stream, maxBytes));
        }
    }

    /** Reads a stream to its end; throws when it has more than {@code maxBytes}, without reading further. */
    static byte[] readAtMost(InputStream stream, int maxBytes) throws IOException {
        byte[] bytes = stream.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new IOException("is larger than " + maxBytes / 1024 + " KiB");
        }
        return bytes;
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
