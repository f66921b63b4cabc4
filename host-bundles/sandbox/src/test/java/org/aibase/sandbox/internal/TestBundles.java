package org.aibase.sandbox.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;

/** Builds manifest-only bundles (platform bundles and plugins) for tests and installs them. */
final class TestBundles {

    private final Map<String, String> headers = new LinkedHashMap<>();
    private String descriptor;

    private TestBundles(String symbolicName) {
        headers.put("Bundle-ManifestVersion", "2");
        headers.put("Bundle-SymbolicName", symbolicName);
        headers.put("Bundle-Version", "1.0.0");
    }

    /** A platform (non-plugin) bundle. */
    static TestBundles platform(String symbolicName) {
        return new TestBundles(symbolicName);
    }

    /** A plugin with the given descriptor lines after id and version, e.g. {@code "permissions: [llm]\n"}. */
    static TestBundles plugin(String id, String moreYaml) {
        TestBundles bundle = new TestBundles("org.example." + id);
        bundle.headers.put("AIBase-Plugin", "plugin.yaml");
        bundle.descriptor = "id: " + id + "\nversion: 1.0.0\n" + moreYaml;
        return bundle;
    }

    TestBundles header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    TestBundles imports(String packages) {
        return header("Import-Package", packages);
    }

    TestBundles exports(String packages) {
        return header("Export-Package", packages);
    }

    Bundle install(BundleContext context) throws IOException, BundleException {
        String location = "test:" + headers.get("Bundle-SymbolicName");
        return context.installBundle(location, new ByteArrayInputStream(jar()));
    }

    Bundle start(BundleContext context) throws IOException, BundleException {
        Bundle bundle = install(context);
        bundle.start();
        return bundle;
    }

    private byte[] jar() throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(main::putValue);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
            if (descriptor != null) {
                jar.putNextEntry(new JarEntry("plugin.yaml"));
                jar.write(descriptor.getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
