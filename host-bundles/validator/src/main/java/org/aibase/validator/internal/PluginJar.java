package org.aibase.validator.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** A read-only view of a plugin JAR for the checks; opening it is the "readable zip" check. */
public final class PluginJar implements Closeable {

    /** The manifest's entry name, also the location of manifest findings. */
    public static final String MANIFEST = JarFile.MANIFEST_NAME;

    private final String name;
    private final JarFile jar;

    private PluginJar(String name, JarFile jar) {
        this.name = name;
        this.jar = jar;
    }

    /** Opens the JAR; throws when it is not a readable zip file. */
    public static PluginJar open(Path file) throws IOException {
        // no signature verification: signatures are not part of the plugin contract
        return new PluginJar(file.getFileName().toString(), new JarFile(file.toFile(), false));
    }

    /** The JAR's file name. */
    public String name() {
        return name;
    }

    /** The manifest; empty when the JAR has none. Throws when it is present but unreadable. */
    public Optional<Manifest> manifest() throws IOException {
        return Optional.ofNullable(jar.getManifest());
    }

    /** Whether the JAR has a (non-directory) entry with this name. */
    public boolean hasEntry(String entry) {
        ZipEntry e = jar.getEntry(entry);
        return e != null && !e.isDirectory();
    }

    /** Opens an entry; empty when the JAR has no such entry. */
    public Optional<InputStream> entry(String entry) throws IOException {
        ZipEntry e = jar.getEntry(entry);
        return e == null || e.isDirectory() ? Optional.empty() : Optional.of(jar.getInputStream(e));
    }

    @Override
    public void close() throws IOException {
        jar.close();
    }
}
