package org.aibase.api.plugin;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's descriptor as read from {@value #DESCRIPTOR_FILE} at the root of its JAR.
 *
 * @param id the plugin id, unique in the platform and its URL segment
 * @param name the human-readable name
 * @param version the plugin version ({@code X.Y.Z})
 * @param permissions the permissions the plugin asks for
 */
@ProviderType
public record PluginDescriptor(String id, String name, String version, Set<Permission> permissions) {

    /** The manifest header that makes a bundle a plugin; its value names the descriptor entry. */
    public static final String MANIFEST_HEADER = "AIBase-Plugin";

    /** The descriptor entry at the JAR root. */
    public static final String DESCRIPTOR_FILE = "plugin.yaml";

    /** Creates a descriptor, copying the permissions so the record stays immutable. */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        // an EnumSet copy keeps a stable order; the unmodifiable view keeps the record immutable
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(permissions);
        permissions = Collections.unmodifiableSet(copy);
    }

    /** Whether the descriptor grants the given permission. */
    public boolean hasPermission(Permission permission) {
        return permissions.contains(permission);
    }
}
