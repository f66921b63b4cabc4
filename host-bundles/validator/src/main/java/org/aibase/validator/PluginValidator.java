package org.aibase.validator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.aibase.validator.internal.BundleManifestCheck;
import org.aibase.validator.internal.BytecodeCheck;
import org.aibase.validator.internal.CapabilityCheck;
import org.aibase.validator.internal.ComponentDescriptionCheck;
import org.aibase.validator.internal.DefaultsCheck;
import org.aibase.validator.internal.PagesCheck;
import org.aibase.validator.internal.TasksCheck;
import org.aibase.validator.internal.DescriptorCheck;
import org.aibase.validator.internal.ExportCheck;
import org.aibase.validator.internal.FragmentCheck;
import org.aibase.validator.internal.IdCheck;
import org.aibase.validator.internal.ImportCheck;
import org.aibase.validator.internal.Inspection;
import org.aibase.validator.internal.LimitsCheck;
import org.aibase.validator.internal.MappingFileCheck;
import org.aibase.validator.internal.NetworkHostsCheck;
import org.aibase.validator.internal.PlatformRangeCheck;
import org.aibase.validator.internal.PluginCheck;
import org.aibase.validator.internal.PluginJar;
import org.aibase.validator.internal.SecurityLevelCheck;
import org.aibase.validator.internal.SemanticVersion;
import org.aibase.validator.internal.VersionCheck;
import org.aibase.validator.internal.ZipSafetyCheck;

/** Validates plugin JARs: the one place where the platform's plugin rules are applied. Thread-safe. */
public final class PluginValidator {

    /** This platform's version: the api-bundle's version, which {@code requires.platform} ranges are checked against. */
    public static final String PLATFORM_VERSION = "1.0.0";

    private final List<PluginCheck> checks;

    /** A validator with every rule of the platform, outside a running platform ({@link ValidationContext#standalone}). */
    public PluginValidator() {
        this(ValidationContext.standalone(PLATFORM_VERSION));
    }

    /**
     * A validator with every rule of the platform, checked against the given runtime and operator decisions.
     *
     * @throws IllegalArgumentException when the context's platform version is not a version
     */
    public PluginValidator(ValidationContext context) {
        this(context, new DescriptorReader());
    }

    /** A standalone validator that reads descriptors with the given reader. */
    public PluginValidator(DescriptorReader reader) {
        this(ValidationContext.standalone(PLATFORM_VERSION), reader);
    }

    private PluginValidator(ValidationContext context, DescriptorReader reader) {
        SemanticVersion platform = SemanticVersion.parseOsgi(context.platformVersion()).orElseThrow(() ->
                new IllegalArgumentException("platform version '" + context.platformVersion() + "' is not a version X.Y.Z"));
        // the order is the order of the report: the file, the manifest, the descriptor, then its rules
        this.checks = List.of(
                new ZipSafetyCheck(),
                new BundleManifestCheck(),
                new DescriptorCheck(reader, context.allowLibraries()),
                new IdCheck(context),
                new VersionCheck(),
                new CapabilityCheck(),
                new PlatformRangeCheck(platform),
                new SecurityLevelCheck(context),
                new NetworkHostsCheck(),
                new LimitsCheck(context.limits()),
                new DefaultsCheck(),
                new TasksCheck(),
                new PagesCheck(),
                new ExportCheck(),
                new FragmentCheck(),
                new ImportCheck(context),
                new MappingFileCheck(context),
                new ComponentDescriptionCheck(context),
                new BytecodeCheck(context));
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
