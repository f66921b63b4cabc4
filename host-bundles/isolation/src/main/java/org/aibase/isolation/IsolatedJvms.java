package org.aibase.isolation;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The JVMs that run isolated plugins. */
@ProviderType
public interface IsolatedJvms {

    /** The figures of the plugin's JVM; empty when the plugin is not isolated or no JVM of it runs now. */
    Optional<JvmFigures> figures(String pluginId);
}
