package org.aibase.sandbox;

import java.util.Map;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Plugins' configurations: the declared {@code defaults} overlaid with the operator's values of
 * PID {@code aibase.plugin.<id>} (from a file in {@code config/} or from here; the later write
 * wins), type-checked against the defaults and delivered live to the plugin's bundle only.
 */
@ProviderType
public interface PluginConfigurations {

    /**
     * The effective configuration: defaults overlaid with the operator's values.
     *
     * @throws PluginConfigurationException NOT_FOUND
     */
    Map<String, Object> effective(String id);

    /**
     * Sets operator values (merged into the current ones; a {@code null} value removes the key and
     * restores its default) and returns the new effective configuration.
     *
     * @throws PluginConfigurationException NOT_FOUND; INVALID naming the key, its declared type or rule and
     *         the value given, for an unknown key, a value of the wrong type or one its rule refuses (nothing
     *         is stored then); ROLLED_BACK when the plugin's components failed to activate with the new
     *         values, which were then replaced by the previous ones
     */
    Map<String, Object> update(String id, Map<String, Object> values);

    /**
     * Why the plugin's last configuration change was rolled back (when it failed to start with it,
     * see {@link #update}); empty when its last change was taken, or none was made since the start.
     */
    Optional<String> rollback(String id);
}
