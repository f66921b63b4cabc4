package org.aibase.runtime;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.aibase.validator.Finding;
import org.aibase.validator.PluginValidator;
import org.aibase.validator.ValidationReport;

/**
 * {@code validate JAR... [--json]}: checks plugin JARs with the platform's validator, without
 * starting the platform; a plugin project's folder stands for the JAR its build left in {@code target/}.
 * Exit status 0 when every JAR is valid, 1 otherwise (also for a folder without a built JAR), 2 for a
 * command line it cannot follow.
 */
final class ValidateCommand {

    static final int VALID = 0;
    static final int INVALID = 1;
    static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    ValidateCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command on the arguments after {@code validate}; returns the exit status. */
    int run(List<String> args, Path workingDirectory) {
        boolean json = false;
        List<Path> jars = new ArrayList<>();
        for (String arg : args) {
            if (arg.equals("--json")) {
                json = true;
            } else if (arg.startsWith("-")) {
                return usageError("unknown option " + arg + " (allowed: --json)");
            } else {
                try {
                    jars.add(PluginProjectJar.resolve(workingDirectory.resolve(arg)));
                } catch (CommandFailure e) {
                    err.println("aibase: " + e.getMessage());
                    return e.status();
                }
            }
        }
        if (jars.isEmpty()) {
            return usageError("validate needs at least one JAR file");
        }
        // standalone: nothing installed, nothing granted, default maxima
        PluginValidator validator = new PluginValidator();
        List<ValidationReport> reports = jars.stream().map(validator::validate).toList();
        if (json) {
            out.println(toJson(reports));
        } else {
            reports.forEach(this::print);
        }
        return reports.stream().allMatch(ValidationReport::valid) ? VALID : INVALID;
    }

    private void print(ValidationReport report) {
        out.println(report.headline());
        for (Finding finding : report.findings()) {
            out.println("  " + finding.line());
        }
    }

    private static String toJson(List<ValidationReport> reports) {
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .writeValueAsString(reports.stream().map(ValidationReport::toMap).toList());
        } catch (JsonProcessingException e) {
            // maps of strings, numbers and booleans always serialize
            throw new IllegalStateException("cannot write the reports as JSON", e);
        }
    }

    private int usageError(String message) {
        err.println("aibase: " + message);
        err.println(Usage.TEXT);
        return USAGE;
    }
}
