package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationReport;

/** What the checks have learned about one JAR so far: its findings and, once read, its descriptor. */
public final class Inspection {

    private final PluginJar jar;
    private final List<Finding> findings = new ArrayList<>();
    private PluginDescriptor descriptor;
    private PluginCode code;

    /** Starts inspecting the given JAR. */
    public Inspection(PluginJar jar) {
        this.jar = jar;
    }

    /** The JAR under inspection. */
    public PluginJar jar() {
        return jar;
    }

    /** Records a finding. */
    public void add(Finding finding) {
        findings.add(finding);
    }

    /** Records findings. */
    public void addAll(List<Finding> more) {
        findings.addAll(more);
    }

    /**
     * Whether something was already reported at this location; a later rule skips a field that
     * could not be read, so one mistake is reported once.
     */
    public boolean reported(String location) {
        return findings.stream().anyMatch(f -> f.location().equals(location));
    }

    /** Records the descriptor so later checks can apply rules to it. */
    public void descriptor(PluginDescriptor read) {
        descriptor = read;
    }

    /** The descriptor, once a check could read it. */
    public Optional<PluginDescriptor> descriptor() {
        return Optional.ofNullable(descriptor);
    }

    /** The plugin's classes, read when a check first asks. */
    PluginCode code() {
        if (code == null) {
            code = PluginCode.read(jar);
        }
        return code;
    }

    /** The report of everything found. */
    public ValidationReport report() {
        return new ValidationReport(jar.name(), descriptor(), findings);
    }
}
