package org.aibase.validator;

import java.nio.file.Path;

import org.aibase.validator.internal.SecurityScan;

/**
 * The security report of a plugin JAR ({@link SecurityReport}), made by the rules the validator applies:
 * the same wiring table, service grants and API verification, so the report and the verdict never
 * disagree. Thread-safe.
 */
public final class SecurityScanner {

    private final PluginValidator validator;

    /** A scanner outside a running platform ({@link ValidationContext#standalone}). */
    public SecurityScanner() {
        this.validator = new PluginValidator();
    }

    /** Scans a JAR; never throws for bad input: an unreadable JAR is a report with empty lists and the validator's error. */
    public SecurityReport scan(Path jar) {
        return SecurityScan.of(jar, validator.validate(jar));
    }
}
