package org.aibase.validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import org.aibase.api.plugin.PluginDescriptor;

/**
 * The result of validating one plugin JAR.
 *
 * @param file the JAR's file name
 * @param descriptor the plugin's descriptor, present when its id could be read; fields with errors read as
 *        absent (no permission, default level), so act on it only when the report is {@link #valid()}
 * @param findings every problem found, errors and warnings
 */
public record ValidationReport(String file, Optional<PluginDescriptor> descriptor, List<Finding> findings) {

    /** Creates a report, copying the findings so the record stays immutable. */
    public ValidationReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(descriptor, "descriptor");
        findings = List.copyOf(findings);
    }

    /** Whether the plugin is accepted: no finding is an error. */
    public boolean valid() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The findings of the given severity, in the order they were found. */
    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }

    /**
     * The verdict without the file name, e.g. {@code valid (hello 1.0.0)} or
     * {@code invalid — plugin.yaml/permissions: 'htp' is not a permission (allowed: ...)}.
     */
    public String verdict() {
        if (valid()) {
            int warnings = findings(Severity.WARNING).size();
            return "valid" + named() + (warnings == 0 ? "" : ", " + warnings + " warning(s): " + join(Severity.WARNING));
        }
        return "invalid — " + join(Severity.ERROR);
    }

    /**
     * JSON-shaped, for the HTTP API and the CLI's {@code --json}: {@code file}, {@code valid},
     * {@code plugin} ({@code id}, {@code version}) when the descriptor was read, {@code errors},
     * {@code warnings} and {@code findings} (every finding, in order).
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file);
        map.put("valid", valid());
        descriptor.ifPresent(d -> map.put("plugin", Map.of("id", d.id(), "version", d.version())));
        map.put("errors", findings(Severity.ERROR).size());
        map.put("warnings", findings(Severity.WARNING).size());
        map.put("findings", findings.stream().map(Finding::toMap).toList());
        return map;
    }

    /**
     * The first line of the report as the {@code validate} command and the Maven plugin print it:
     * {@code <file>: valid|invalid (<id> <version>), N error(s), N warning(s)}; each finding follows as its
     * {@link Finding#line()}.
     */
    public String headline() {
        return file + ": " + (valid() ? "valid" : "invalid") + named() + ", " + findings(Severity.ERROR).size()
                + " error(s), " + findings(Severity.WARNING).size() + " warning(s)";
    }

    /** A one-line summary for logs: {@code <file>: <verdict>}. */
    public String summary() {
        return file + ": " + verdict();
    }

    /** {@code  (<id> <version>)} when the descriptor was read, else nothing. */
    private String named() {
        return descriptor.map(d -> " (" + d.id() + " " + d.version() + ")").orElse("");
    }

    private String join(Severity severity) {
        return findings(severity).stream().map(Finding::describe).collect(Collectors.joining("; "));
    }
}
