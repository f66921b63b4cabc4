package org.aibase.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.osgi.framework.BundleContext;

/** For tests inside the framework: a secret the launcher generated, read where it keeps it (no framework property holds it). */
final class LauncherCredentials {

    private LauncherCredentials() {
    }

    /** E.g. {@code admin.api.key} or {@code console.password}. */
    static String read(BundleContext context, String name) throws IOException {
        Properties credentials = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(context.getProperty("aibase.credentials.file")))) {
            credentials.load(in);
        }
        return credentials.getProperty(name);
    }
}
