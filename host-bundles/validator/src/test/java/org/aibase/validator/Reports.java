package org.aibase.validator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

/** Assertions about reports shared by the rule tests. */
final class Reports {

    private Reports() {
    }

    /** The report's only error; fails when there is not exactly one. */
    static Finding onlyError(ValidationReport report) {
        List<Finding> errors = report.findings(Severity.ERROR);
        assertEquals(1, errors.size(), report.summary());
        assertFalse(report.valid());
        return errors.get(0);
    }

    /** Asserts the report's only error is at the location with the message and allowed text. */
    static void assertOnlyError(ValidationReport report, String location, String message, String allowed) {
        assertEquals(Finding.error(location, message, allowed), onlyError(report));
    }
}
