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

    /** The component description of {@link #validPlugin()}'s resource. */
    static final String ENDPOINT = "OSGI-INF/org.example.Greeting.xml";

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

    /**
     * A plugin with one component description, {@code OSGI-INF/org.example.Greeting.xml} of component
     * {@code org.example.Greeting}, with the given attributes and content (references, a service...).
     */
    static TestJar withComponent(String yaml, String attributes, String content) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.3.0\" name=\"org.example.Greeting\" "
                + attributes + ">\n" + content + "<implementation class=\"org.example.Greeting\"/>\n</scr:component>\n";
        return plugin(yaml).header("Service-Component", COMPONENT).entry(COMPONENT, xml);
    }

    /** Where {@link #withComponent} puts its description. */
    static final String COMPONENT = "OSGI-INF/org.example.Greeting.xml";

    /** The smallest plugin that is valid without a warning: {@code http} and one {@code @PluginEndpoint} resource. */
    static TestJar validPlugin() {
        return plugin("id: hello\nname: Hello\nversion: 1.0.0\npermissions: [http]\n")
                .header("Service-Component", ENDPOINT)
                .entry(ENDPOINT, """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <scr:component xmlns:scr="http://www.osgi.org/xmlns/scr/v1.4.0" name="org.example.Greeting">
                          <property name="aibase.plugin.endpoint" type="String" value="hello"/>
                          <service scope="prototype"><provide interface="org.example.Greeting"/></service>
                          <implementation class="org.example.Greeting"/>
                        </scr:component>
                        """);
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

    /**
     * Replaces every occurrence of {@code from} by {@code to} (same length) in the file's bytes: in
     * local headers and the central directory alike, which a JarOutputStream would never write,
     * e.g. to make duplicate entry names.
     */
    static void replaceBytes(Path file, String from, String to) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] a = from.getBytes(StandardCharsets.UTF_8);
        byte[] b = to.getBytes(StandardCharsets.UTF_8);
        if (a.length != b.length) {
            throw new IllegalArgumentException("same length needed");
        }
        for (int i = 0; i + a.length <= bytes.length; i++) {
            if (java.util.Arrays.equals(bytes, i, i + a.length, a, 0, a.length)) {
                System.arraycopy(b, 0, bytes, i, b.length);
            }
        }
        Files.write(file, bytes);
    }

    /**
     * Rewrites the uncompressed size the central directory declares for an entry, the size a zip
     * bomb claims: the data itself is untouched.
     */
    static void declareSize(Path file, String entry, long size) throws IOException {
        editCentralEntry(file, entry, (buffer, at) -> buffer.putInt(at + 24, (int) size));
    }

    /**
     * Marks an entry in the central directory as written on Unix with this mode (file type and
     * permissions), as Info-ZIP's {@code zip -y} writes a symbolic link; JarOutputStream writes none.
     */
    static void declareUnixMode(Path file, String entry, int mode) throws IOException {
        editCentralEntry(file, entry, (buffer, at) -> {
            buffer.putShort(at + 4, (short) (3 << 8 | 20)); // made by: Unix, zip 2.0
            buffer.putInt(at + 38, mode << 16);
        });
    }

    /** Edits the central directory record of an entry in place; {@code at} is the record's offset. */
    private static void editCentralEntry(Path file, String entry, java.util.function.ObjIntConsumer<java.nio.ByteBuffer> edit)
            throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 46 + name.length <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x02014b50 && buffer.getShort(i + 28) == name.length
                    && java.util.Arrays.equals(bytes, i + 46, i + 46 + name.length, name, 0, name.length)) {
                edit.accept(buffer, i);
                Files.write(file, bytes);
                return;
            }
        }
        throw new IllegalArgumentException(entry + " not in the central directory");
    }

    /**
     * Overwrites an entry's compressed data with bytes no inflater accepts: whoever inflates the entry
     * fails, so a report without a read error proves the entry was never inflated.
     */
    static void corruptData(Path file, String entry) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] name = entry.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + 30 + name.length <= bytes.length; i++) {
            if (buffer.getInt(i) == 0x04034b50 && buffer.getShort(i + 26) == name.length
                    && java.util.Arrays.equals(bytes, i + 30, i + 30 + name.length, name, 0, name.length)) {
                int data = i + 30 + name.length + buffer.getShort(i + 28);
                java.util.Arrays.fill(bytes, data, data + 16, (byte) 0xFF); // deflate block type 3: invalid
                Files.write(file, bytes);
                return;
            }
        }
        throw new IllegalArgumentException(entry + " has no local header");
    }

    private Manifest manifest() {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        return manifest;
    }
}
