package org.aibase.deployer.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Writes small plugin JARs for tests. */
final class TestPlugins {

    private TestPlugins() {
    }

    /** A valid plugin JAR with the given id and version, padded with a few KiB of stored data. */
    static Path write(Path file, String id, String version) throws IOException {
        return write(file, id, version, "permissions: [http]\n", null);
    }

    /** A plugin JAR with the given descriptor lines after id and version, and optionally an Import-Package. */
    static Path write(Path file, String id, String version, String moreYaml, String importPackage) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        main.putValue("Bundle-SymbolicName", "org.example." + id);
        main.putValue("Bundle-Version", version);
        main.putValue("AIBase-Plugin", "plugin.yaml");
        if (importPackage != null) {
            main.putValue("Import-Package", importPackage);
        }
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            jar.putNextEntry(new JarEntry("plugin.yaml"));
            jar.write(("id: " + id + "\nversion: " + version + "\n" + moreYaml).getBytes(StandardCharsets.UTF_8));
            jar.closeEntry();
            jar.putNextEntry(new JarEntry("data.bin"));
            byte[] data = new byte[4096];
            new java.util.Random(42).nextBytes(data); // incompressible, so the JAR has some length
            jar.write(data);
            jar.closeEntry();
        }
        return file;
    }
}
