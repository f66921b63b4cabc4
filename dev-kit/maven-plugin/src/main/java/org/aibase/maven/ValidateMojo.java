package org.aibase.maven;

import java.io.File;

import org.aibase.validator.Finding;
import org.aibase.validator.PluginValidator;
import org.aibase.validator.Severity;
import org.aibase.validator.ValidationReport;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the built plugin JAR with the platform's own validator (the one the deployer, {@code POST
 * /api/v1/validate} and {@code aibase validate} run) and fails the build on any error, printing every
 * finding on a line of its own: where (file and field), what is wrong, what is allowed. Warnings are
 * printed and do not fail the build. Bound to {@code package} by {@code aibase-plugin-parent}, after
 * the JAR is made.
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class ValidateMojo extends AbstractMojo {

    /** The plugin JAR to check. */
    @Parameter(property = "aibase.validate.jar", defaultValue = "${project.build.directory}/${project.build.finalName}.jar")
    private File jar;

    /** Skips the check (not recommended: the runtime refuses what it would have found). */
    @Parameter(property = "aibase.validate.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project.packaging}", readonly = true)
    private String packaging;

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("AI Base plugin validation skipped (aibase.validate.skip)");
            return;
        }
        if ("pom".equals(packaging)) {
            getLog().debug("AI Base plugin validation: nothing to check in a project of packaging pom");
            return;
        }
        if (!jar.isFile()) {
            throw new MojoFailureException("No plugin JAR at " + jar + " to validate: the goal runs after the JAR is made "
                    + "(phase package, after maven-jar-plugin), or set aibase.validate.jar");
        }
        ValidationReport report = new PluginValidator().validate(jar.toPath());
        String summary = report.headline();
        if (report.valid()) {
            getLog().info(summary);
        } else {
            getLog().error(summary);
        }
        for (Finding finding : report.findings()) {
            if (finding.severity() == Severity.ERROR) {
                getLog().error("  " + finding.line());
            } else {
                getLog().warn("  " + finding.line());
            }
        }
        if (!report.valid()) {
            // the findings are printed above, one per line; the build's closing message says why it failed
            throw new MojoFailureException(summary + ": the AI Base runtime would refuse it (every finding is listed above)");
        }
    }
}
