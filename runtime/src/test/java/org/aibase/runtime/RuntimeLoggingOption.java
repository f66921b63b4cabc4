package org.aibase.runtime;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import org.ops4j.pax.exam.Option;

/** The runtime's log settings inside Pax Exam, where the launcher does not run. */
final class RuntimeLoggingOption {

    private RuntimeLoggingOption() {
    }

    static Option quiet() {
        return composite(
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("info"),
                systemProperty("org.slf4j.simpleLogger.log.org.eclipse.jetty").value("warn"),
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
    }
}
