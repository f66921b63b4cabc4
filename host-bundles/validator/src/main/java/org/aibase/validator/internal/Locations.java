package org.aibase.validator.internal;

import org.aibase.api.plugin.PluginDescriptor;

/** How findings name where a problem is: {@code plugin.yaml/limits.memory}, {@code META-INF/MANIFEST.MF/Bundle-Version}. */
public final class Locations {

    private Locations() {
    }

    /** A descriptor field; nested fields are joined with dots, e.g. {@code limits.memory}. */
    public static String field(String path) {
        return PluginDescriptor.DESCRIPTOR_FILE + "/" + path;
    }

    /** A manifest header. */
    public static String header(String name) {
        return PluginJar.MANIFEST + "/" + name;
    }
}
