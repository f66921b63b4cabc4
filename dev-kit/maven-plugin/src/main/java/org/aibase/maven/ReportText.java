package org.aibase.maven;

import java.util.ArrayList;
import java.util.List;

import org.aibase.validator.Finding;
import org.aibase.validator.Severity;
import org.aibase.validator.ValidationReport;

/** A validation report as the runtime's {@code validate} command prints it: a summary line, then one line per finding. */
final class ReportText {

    private ReportText() {
    }

    /** {@code file: valid|invalid (id version), N error(s), N warning(s)}. */
    static String summary(ValidationReport report) {
        int errors = report.findings(Severity.ERROR).size();
        int warnings = report.findings(Severity.WARNING).size();
        String plugin = report.descriptor().map(d -> " (" + d.id() + " " + d.version() + ")").orElse("");
        return report.file() + ": " + (report.valid() ? "valid" : "invalid") + plugin + ", "
                + errors + " error(s), " + warnings + " warning(s)";
    }

    /** {@code error   location: message (allowed: ...)}, one per finding, in the report's order. */
    static List<String> findings(ValidationReport report) {
        List<String> lines = new ArrayList<>();
        for (Finding finding : report.findings()) {
            lines.add(line(finding));
        }
        return lines;
    }

    static String line(Finding finding) {
        return (finding.severity() == Severity.ERROR ? "error  " : "warning") + " " + finding.describe();
    }
}
