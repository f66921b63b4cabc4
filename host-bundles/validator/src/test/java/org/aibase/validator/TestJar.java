package org.aibase.validator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds plugin JARs for tests; starts from a valid plugin and lets a test break one thing. */
final class TestJar {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();
    private boolean withManifest = true;

    static TestJar plugin(String yaml) {
        TestJar jar = new TestJar();
        jar.headers.put("Bundle-ManifestVersion", "2");
        jar.headers.put("Bundle-SymbolicName", "org.example.hello");
        jar.headers.put("Bundle-Version", "1.0.0");
        jar.headers.put("AIBase-Plugin", "plugin.yaml");
        return jar.entry("plugin.yaml", yaml);
    }

    static TestJar validPlugin() {
        return plugin("id: hello\nname: Hello\nversion: 1.0.0\npermissions: [http]\n");
    }

    TestJar header(String name, String value) {
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        return this;
    }

    TestJar withoutManifest() {
        withManifest = false;
        return this;
    }

    TestJar entry(String name, String content) {
        return entry(name, content.getBytes(StandardCharsets.UTF_8));
    }

    TestJar entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    TestJar without(String entry) {
        entries.remove(entry);
        return this;
    }

    Path writeTo(Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
             JarOutputStream jar = withManifest ? new JarOutputStream(out, manifest()) : new JarOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        return manifest;
    }
}
