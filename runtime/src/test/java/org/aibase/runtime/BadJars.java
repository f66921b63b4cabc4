package org.aibase.runtime;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;

/** JARs that a careless or hostile author might drop into deploy/, each wrong in one way. */
final class BadJars {

    private BadJars() {
    }

    /** File name → what the refusal must mention. */
    static Map<String, String> writeAll(Path folder, String prefix) throws IOException {
        Files.writeString(folder.resolve(prefix + "not_a_zip.jar"), "this is not a zip file");
        writeZip(folder.resolve(prefix + "not_a_bundle.jar"), null, Map.of("readme.txt", "hi"));
        writeZip(folder.resolve(prefix + "library.jar"), manifest("org.example.lib"), Map.of());
        writeZip(folder.resolve(prefix + "bad_id.jar"), plugin("org.example.badid"),
                Map.of("plugin.yaml", "id: Bad-Id\nname: Bad\nversion: 1.0.0\npermissions: [http]\n"));
        writeZip(folder.resolve(prefix + "bad_permission.jar"), plugin("org.example.badperm"),
                Map.of("plugin.yaml", "id: badperm\nname: Bad\nversion: 1.0.0\npermissions: [htp]\n"));
        writeZip(folder.resolve(prefix + "traversal.jar"), plugin("org.example.traversal"),
                Map.of("plugin.yaml", "id: traversal\nname: T\nversion: 1.0.0\npermissions: []\n", "../evil.txt", "x"));
        return Map.of(
                prefix + "not_a_zip.jar", "zip",
                prefix + "not_a_bundle.jar", "MANIFEST",
                prefix + "library.jar", "AIBase-Plugin",
                prefix + "bad_id.jar", "plugin.yaml/id",
                prefix + "bad_permission.jar", "htp",
                prefix + "traversal.jar", "..");
    }

    private static Manifest manifest(String symbolicName) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", symbolicName);
        main.putValue("Bundle-Version", "1.0.0");
        return manifest;
    }

    private static Manifest plugin(String symbolicName) {
        Manifest manifest = manifest(symbolicName);
        manifest.getMainAttributes().putValue("AIBase-Plugin", "plugin.yaml");
        return manifest;
    }

    private static void writeZip(Path file, Manifest manifest, Map<String, String> entries) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JarOutputStream jar = manifest == null ? new JarOutputStream(out) : new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                jar.putNextEntry(new ZipEntry(entry.getKey()));
                jar.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
    }
}
