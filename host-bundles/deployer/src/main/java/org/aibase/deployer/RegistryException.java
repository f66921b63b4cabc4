package org.aibase.deployer;

import java.util.Objects;
import java.util.Optional;

import org.aibase.validator.ValidationReport;

/** A registry operation that cannot be done; the kind maps to an HTTP status, the message says why. */
public class RegistryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why an operation cannot be done. */
    public enum Kind {
        /** No plugin with that id (404). */
        NOT_FOUND,
        /** The plugin's state or another plugin stands in the way (409). */
        CONFLICT,
        /** The JAR or the input is invalid; see the report (422). */
        INVALID,
        /** It did not complete in time (503). */
        UNAVAILABLE
    }

    private final Kind kind;
    private final transient Optional<ValidationReport> report;

    /** An exception without a report. */
    public RegistryException(Kind kind, String message) {
        this(kind, message, null);
    }

    /** An exception with the validation report that explains it. */
    public RegistryException(Kind kind, String message, ValidationReport report) {
        super(message);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.report = Optional.ofNullable(report);
    }

    /** Why. */
    public Kind kind() {
        return kind;
    }

    /** The validation report, for INVALID. */
    public Optional<ValidationReport> report() {
        return report;
    }
}
