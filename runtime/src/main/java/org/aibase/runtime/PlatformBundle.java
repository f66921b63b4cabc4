package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarInputStream;
import java.util.jar.Manifest;

/**
 * One bundle of the platform's own set, as carried inside the runtime JAR.
 *
 * @param name        the file name, e.g. {@code org.apache.felix.scr.jar}
 * @param fingerprint changes whenever the content changes (CRC and size of the entry)
 * @param content     opens the bytes
 */
record PlatformBundle(String name, String fingerprint, Content content) {

    /** Location prefix that marks a bundle as part of the platform rather than a plugin. */
    static final String LOCATION_PREFIX = "aibase:platform/";

    String location() {
        return LOCATION_PREFIX + name;
    }

    /**
     * The level it starts at: libraries first, then AI Base's host bundles, then the HTTP server and
     * the Web Console with its DS plugin (whose printers of configuration values the console bundle's
     * hooks must already hide when they register).
     */
    int startLevel() {
        if (name.startsWith("aibase-")) {
            return StartLevels.HOST_BUNDLES;
        }
        return name.startsWith("org.apache.felix.http.jetty") || name.startsWith("org.apache.felix.webconsole")
                ? StartLevels.HTTP : StartLevels.LIBRARIES;
    }

    /** A fragment (e.g. SpiFly on the system bundle) is installed but never started. */
    boolean isFragment() throws IOException {
        try (InputStream in = content.open(); JarInputStream jar = new JarInputStream(in)) {
            Manifest manifest = jar.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue(new Attributes.Name("Fragment-Host")) != null;
        }
    }

    /** Opens a bundle's bytes. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }
}
