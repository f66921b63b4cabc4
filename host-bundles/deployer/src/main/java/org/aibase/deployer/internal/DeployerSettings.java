package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where the deploy folder is and at which start level plugins run, from framework properties.
 *
 * @param home the platform's home folder
 * @param deployDir the watched folder
 * @param pluginStartLevel the start level of plugin bundles
 */
record DeployerSettings(Path home, Path deployDir, int pluginStartLevel) {

    static final String HOME = "aibase.home";
    static final String DEPLOY_DIR = "aibase.deploy.dir";
    static final String PLUGIN_START_LEVEL = "aibase.startlevel.plugins";

    /**
     * Libraries run at start level 1, host bundles at 2, the HTTP server at 3, plugins at 4 (as the
     * launcher sets them): nothing of a plugin runs before the platform's hooks and the deployer's
     * reconciliation are in place.
     */
    static final int DEFAULT_PLUGIN_START_LEVEL = 4;

    /** Reads the settings through the given property lookup (e.g. {@code BundleContext::getProperty}). */
    static DeployerSettings from(Function<String, String> property) {
        Path home = Path.of(value(property, HOME, System.getProperty("user.dir"))).toAbsolutePath().normalize();
        String deploy = property.apply(DEPLOY_DIR);
        Path deployDir = deploy == null || deploy.isBlank() ? home.resolve("deploy") : home.resolve(deploy.trim());
        String level = value(property, PLUGIN_START_LEVEL, String.valueOf(DEFAULT_PLUGIN_START_LEVEL));
        int startLevel;
        try {
            startLevel = Integer.parseInt(level);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PLUGIN_START_LEVEL + " must be a whole number, not '" + level + "'", e);
        }
        if (startLevel < 1) {
            throw new IllegalArgumentException(PLUGIN_START_LEVEL + " must be at least 1, not " + startLevel);
        }
        return new DeployerSettings(home, deployDir.normalize(), startLevel);
    }

    private static String value(Function<String, String> property, String key, String fallback) {
        String value = property.apply(key);
        return value == null || value.isBlank() ? fallback : value.trim();
    }
}
