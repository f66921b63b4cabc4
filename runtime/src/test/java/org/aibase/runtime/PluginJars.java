package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Test plugins made from a built one: a new release differs in its version and some entries. */
final class PluginJars {

    private PluginJars() {
    }

    /**
     * Copies {@code source} to {@code target} with Bundle-Version and plugin.yaml's version set to
     * {@code version} and the given entries replaced.
     */
    static Path release(Path source, Path target, String version, Map<String, String> replacedEntries)
            throws IOException {
        return rewrite(source, target, "Bundle-Version", version, (name, text) -> {
            if (replacedEntries.containsKey(name)) {
                return replacedEntries.get(name);
            }
            return name.equals("plugin.yaml") ? text.replaceFirst("(?m)^version:.*$", "version: " + version) : null;
        });
    }

    /**
     * Copies the hello plugin as another plugin: a new id in plugin.yaml, its endpoint annotation's
     * DS property and configuration PID, and its symbolic name, so both can be installed side by side.
     */
    static Path withId(Path source, Path target, String id) throws IOException {
        return rewrite(source, target, "Bundle-SymbolicName", "org.aibase.plugin." + id, (name, text) -> {
            if (name.equals("plugin.yaml")) {
                return text.replaceFirst("(?m)^id:.*$", "id: " + id);
            }
            if (name.startsWith("OSGI-INF/") && name.endsWith(".xml")) {
                return text.replace("name=\"aibase.plugin.endpoint\" type=\"String\" value=\"hello\"",
                                "name=\"aibase.plugin.endpoint\" type=\"String\" value=\"" + id + "\"")
                        .replace("configuration-pid=\"aibase.plugin.hello\"", "configuration-pid=\"aibase.plugin." + id + "\"");
            }
            return null;
        });
    }

    /**
     * Copies a JAR with one manifest header set and text entries edited: the edit gets an entry's
     * name and text and returns the new text, or {@code null} to copy the entry unchanged.
     */
    private static Path rewrite(Path source, Path target, String header, String value,
            BiFunction<String, String, String> edit) throws IOException {
        try (InputStream in = Files.newInputStream(source); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = new Manifest(jar.getManifest());
            manifest.getMainAttributes().put(new Attributes.Name(header), value);
            try (OutputStream out = Files.newOutputStream(target); JarOutputStream copy = new JarOutputStream(out, manifest)) {
                for (JarEntry entry = jar.getNextJarEntry(); entry != null; entry = jar.getNextJarEntry()) {
                    copy.putNextEntry(new JarEntry(entry.getName()));
                    byte[] bytes = jar.readAllBytes();
                    String edited = edit.apply(entry.getName(), new String(bytes, StandardCharsets.UTF_8));
                    copy.write(edited == null ? bytes : edited.getBytes(StandardCharsets.UTF_8));
                    copy.closeEntry();
                }
            }
        }
        return target;
    }

    /** Puts a JAR into a watched folder the way a careful operator does: write aside, then rename. */
    static void dropInto(Path folder, String fileName, Path jar) throws IOException {
        Path temp = folder.resolve("." + fileName + ".part");
        Files.copy(jar, temp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(temp, folder.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
