package org.aibase.deployer.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.isolation.child.ChildProtocol;

/**
 * The bundle the runtime installs for a plugin with {@code security: isolated}: the plugin's identity
 * (symbolic name, version, descriptor header), what the platform reads of a plugin without running it
 * (its descriptor, {@code ui/} pages, {@code templates/}) and its JAR as one opaque entry, which the
 * isolation host hands to the plugin's own JVM. It has no classes, imports nothing and declares no
 * components: nothing of the plugin ever runs in the runtime's JVM.
 */
final class StandIn {

    private StandIn() {
    }

    /** The stand-in's bytes for the validated plugin JAR. */
    static InputStream of(Path plugin) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarFile jar = new JarFile(plugin.toFile())) {
            Attributes original = jar.getManifest().getMainAttributes();
            String descriptorEntry = original.getValue(PluginDescriptor.MANIFEST_HEADER);
            Manifest manifest = new Manifest();
            Attributes main = manifest.getMainAttributes();
            main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
            main.putValue("Bundle-ManifestVersion", "2");
            for (String header : new String[] { "Bundle-SymbolicName", "Bundle-Version", "Bundle-Name", PluginDescriptor.MANIFEST_HEADER }) {
                if (original.getValue(header) != null) {
                    main.putValue(header, original.getValue(header));
                }
            }
            main.putValue(ChildProtocol.STUB_HEADER, ChildProtocol.STUB_ENTRY);
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements();) {
                    JarEntry entry = entries.nextElement();
                    String name = entry.getName();
                    if (!entry.isDirectory() && (name.equals(descriptorEntry) || name.equals(PluginDescriptor.DESCRIPTOR_FILE)
                            || name.startsWith("ui/")
                            || name.startsWith("templates/"))) {
                        out.putNextEntry(new JarEntry(name));
                        try (InputStream in = jar.getInputStream(entry)) {
                            in.transferTo(out);
                        }
                        out.closeEntry();
                    }
                }
                out.putNextEntry(new JarEntry(ChildProtocol.STUB_ENTRY));
                Files.copy(plugin, out);
                out.closeEntry();
            }
        }
        return new java.io.ByteArrayInputStream(bytes.toByteArray());
    }
}
