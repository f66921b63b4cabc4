package org.aibase.runtime;

/**
 * The start levels that order a start: everything of the platform runs before any plugin, so the
 * deployer has reconciled {@code deploy/} and the hooks are in place before a cached plugin starts.
 */
final class StartLevels {

    /** Libraries, SCR, Config Admin, Jersey. */
    static final int LIBRARIES = 1;
    /** AI Base's own host bundles. */
    static final int HOST_BUNDLES = 2;
    /**
     * The HTTP server, after the host bundles: the configuration plugin that lets a command-line
     * {@code --port} beat {@code config/} is then in place before Jetty reads its configuration. The
     * Web Console and its DS plugin too: the console bundle's service hooks then hide their printers
     * of configuration values (secrets in clear) from the start.
     */
    static final int HTTP = 3;
    /** Plugins (the deployer installs them at this level). */
    static final int PLUGINS = 4;

    private StartLevels() {
    }
}
