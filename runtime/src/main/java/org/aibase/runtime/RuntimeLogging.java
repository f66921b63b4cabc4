package org.aibase.runtime;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * One readable log on standard error: SLF4J (our bundles, Jetty, Felix HTTP) through slf4j-simple,
 * and java.util.logging (Jersey, the REST whiteboard, SpiFly) in the same one-line format.
 * A {@code -D} given on the command line wins over every default here.
 */
final class RuntimeLogging {

    private static final Map<String, String> SLF4J_DEFAULTS = Map.of(
            "org.slf4j.simpleLogger.defaultLogLevel", "info",
            "org.slf4j.simpleLogger.showDateTime", "true",
            "org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS",
            "org.slf4j.simpleLogger.showThreadName", "false",
            "org.slf4j.simpleLogger.showShortLogName", "true",
            "org.slf4j.simpleLogger.levelInBrackets", "true",
            "org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn",
            "java.util.logging.SimpleFormatter.format", "%1$tH:%1$tM:%1$tS.%1$tL [%4$s] %3$s - %5$s%6$s%n");

    /**
     * JUL loggers whose warnings are noise for an operator: Jersey reports its optional WADL and
     * servlet providers on every container the HTTP host builds, one per plugin deployment.
     */
    private static final Map<String, Level> QUIET = Map.of(
            "org.glassfish.jersey.server.wadl", Level.SEVERE,
            "org.glassfish.jersey.internal.inject.Providers", Level.SEVERE,
            "org.apache.aries.spifly", Level.WARNING);

    // JUL holds loggers weakly: keep the configured ones alive, or their levels are forgotten
    private static final java.util.List<Logger> CONFIGURED = new java.util.ArrayList<>();

    private RuntimeLogging() {
    }

    /**
     * Copies everything printed to standard output and error into the runtime's log file as well
     * ({@link RuntimeLogFile}); call before {@link #configure()}, whose console handler binds standard
     * error as it is then.
     */
    static void keepFile(RuntimeHome home) {
        try {
            RuntimeLogFile file = RuntimeLogFile.open(home.logs(), java.time.Clock.systemUTC());
            System.setOut(file.tee(System.out));
            System.setErr(file.tee(System.err));
        } catch (java.io.IOException e) {
            System.err.println("The log file in " + home.logs() + " cannot be opened (" + e.getMessage()
                    + "); the log goes to the console only");
        }
    }

    static void configure() {
        SLF4J_DEFAULTS.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        if (System.getProperty("java.util.logging.config.file") == null) {
            try {
                LogManager.getLogManager().readConfiguration(); // picks up the format set above
            } catch (java.io.IOException e) {
                System.err.println("Logging configuration failed: " + e.getMessage());
            }
            QUIET.forEach((name, level) -> {
                Logger logger = Logger.getLogger(name);
                logger.setLevel(level);
                CONFIGURED.add(logger);
            });
        }
    }
}
