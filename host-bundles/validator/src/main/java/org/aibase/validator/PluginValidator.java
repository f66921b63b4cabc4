package org.aibase.validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.aibase.validator.internal.BundleManifestCheck;
import org.aibase.validator.internal.DescriptorCheck;
import org.aibase.validator.internal.Inspection;
import org.aibase.validator.internal.PluginCheck;
import org.aibase.validator.internal.PluginJar;

/** Validates plugin JARs: the one place where the platform's plugin rules are applied. Thread-safe. */
public final class PluginValidator {

    private final List<PluginCheck> checks;

    /** A validator with every rule of the platform, outside a running platform. */
    public PluginValidator() {
        this(new DescriptorReader());
    }

    /** A validator with every rule of the platform, checked against the given runtime and operator decisions. */
    public PluginValidator(ValidationContext context) {
        this(new DescriptorReader()); // the context-dependent rules come with the plugin-model rules
    }

    /** A validator that reads descriptors with the given reader. */
    public PluginValidator(DescriptorReader reader) {
        this.checks = List.of(new BundleManifestCheck(), new DescriptorCheck(reader));
    }

    /** Validates a JAR file; never throws for bad input: every problem is a finding of the report. */
    public ValidationReport validate(Path jar) {
        String name = jar.getFileName().toString();
        PluginJar opened;
        try {
            opened = PluginJar.open(jar);
        } catch (IOException | RuntimeException e) {
            return unreadable(name, e);
        }
        try (opened) {
            Inspection inspection = new Inspection(opened);
            for (PluginCheck check : checks) {
                check.check(inspection);
            }
            return inspection.report();
        } catch (IOException | RuntimeException e) {
            // a zip that breaks while being read (or closed) is as unreadable as one that cannot be opened
            return unreadable(name, e);
        }
    }

    private static ValidationReport unreadable(String name, Exception e) {
        String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ValidationReport(name, Optional.empty(),
                List.of(Finding.error(name, "is not a readable JAR (zip) file: " + reason, "a JAR (zip) file")));
    }
}
