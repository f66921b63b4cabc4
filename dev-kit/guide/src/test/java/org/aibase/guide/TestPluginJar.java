package org.aibase.guide;

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

/** A plugin JAR written for the validator: the plugin header, a descriptor, and whatever entries a check needs. */
final class TestPluginJar {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    /** A bundle {@code id} at {@code version} with {@code AIBase-Plugin: plugin.yaml} and this descriptor. */
    TestPluginJar(String id, String version, String descriptor) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", id);
        headers.put("Bundle-Version", version);
        headers.put("AIBase-Plugin", "plugin.yaml");
        entry("plugin.yaml", descriptor.getBytes(StandardCharsets.UTF_8));
    }

    TestPluginJar entry(String name, byte[] content) {
        entries.put(name, content);
        return this;
    }

    /**
     * Adds a DS component description (and names it in {@code Service-Component}) providing a service,
     * with one optional string property: what bnd writes for {@code @Component} and a component property type.
     */
    TestPluginJar component(String name, String service, String property, String value) {
        String path = "OSGI-INF/" + name + ".xml";
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<scr:component xmlns:scr=\"http://www.osgi.org/xmlns/scr/v1.4.0\" name=\"" + name + "\">\n"
                + (property == null ? "" : "  <property name=\"" + property + "\" type=\"String\" value=\"" + value + "\"/>\n")
                + "  <service><provide interface=\"" + service + "\"/></service>\n"
                + "  <implementation class=\"" + name + "\"/>\n</scr:component>\n";
        headers.merge("Service-Component", path, (a, b) -> a + "," + b);
        return entry(path, xml.getBytes(StandardCharsets.UTF_8));
    }

    Path writeTo(Path file) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out, manifest)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
                jar.closeEntry();
            }
        }
        return file;
    }
}
