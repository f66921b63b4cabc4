package org.aibase.validator.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.SecurityReport;
import org.aibase.validator.SecurityReport.PackageImport;
import org.aibase.validator.SecurityReport.PermissionGrant;
import org.aibase.validator.SecurityReport.SensitiveUse;
import org.aibase.validator.SecurityReport.ServiceUse;
import org.aibase.validator.ServiceGrants;
import org.aibase.validator.ValidationReport;
import org.aibase.validator.internal.ComponentDescriptions.Component;
import org.aibase.validator.internal.ManifestClauses.Clause;
import org.aibase.validator.internal.bytecode.ApiTable;
import org.aibase.validator.internal.bytecode.ApiUse;
import org.aibase.validator.internal.bytecode.ApiVerifier;
import org.aibase.validator.internal.bytecode.PluginClass;

/**
 * Lists what a JAR asks of the platform, each item decided by the code the validator's checks decide
 * with ({@link ImportCheck#wired}, {@link ServiceReferenceRule#refusal}, {@link ApiVerifier}), so the
 * report shows the findings' reasons in full rather than a second opinion.
 */
public final class SecurityScan {

    // stands in for a descriptor that could not be read: a sandbox plugin with no permission
    private static final PluginDescriptor UNKNOWN = new PluginDescriptor("unknown", "unknown", "0.0.0", null, null, null,
            null, null, null, null, null, SecurityLevel.SANDBOX, Set.of(), null, null, null, null, null);

    private SecurityScan() {
    }

    /** The report of the JAR, with the validator's verdict on it. */
    public static SecurityReport of(Path file, ValidationReport validation) {
        PluginDescriptor descriptor = validation.descriptor().orElse(UNKNOWN);
        SecurityLevel level = Confinement.level(descriptor);
        List<PermissionGrant> permissions = descriptor.permissions().stream().map(SecurityScan::grant).toList();
        try (PluginJar jar = PluginJar.open(file)) {
            Inspection inspection = new Inspection(jar);
            return new SecurityReport(validation.file(), validation.descriptor(), level, permissions,
                    imports(inspection, level), services(inspection, descriptor), sensitiveUses(inspection, level), validation);
        } catch (IOException | RuntimeException e) {
            // the validation already reports an unreadable JAR
            return new SecurityReport(validation.file(), validation.descriptor(), level, permissions, List.of(), List.of(),
                    List.of(), validation);
        }
    }

    private static PermissionGrant grant(Permission permission) {
        return new PermissionGrant(permission.id(), ServiceGrants.service(permission)
                .orElse("its REST resources and pages are served under /api/v1/<id>/"));
    }

    private static List<PackageImport> imports(Inspection inspection, SecurityLevel level) {
        Set<String> own = ImportCheck.ownPackages(inspection);
        List<PackageImport> imports = new ArrayList<>();
        inspection.jar().header("Import-Package").ifPresent(header -> {
            for (Clause clause : ManifestClauses.clauses(header)) {
                for (String pkg : clause.paths()) {
                    imports.add(new PackageImport(pkg, clause.optional(), ImportCheck.wired(level, own, pkg)));
                }
            }
        });
        return imports;
    }

    private static List<ServiceUse> services(Inspection inspection, PluginDescriptor descriptor) throws IOException {
        ServiceReferenceRule rule = new ServiceReferenceRule(descriptor, () -> inspection.code().packages());
        List<ServiceUse> services = new ArrayList<>();
        Optional<String> header = inspection.jar().header(ComponentDescriptionCheck.HEADER);
        if (header.isEmpty()) {
            return services;
        }
        for (String path : ManifestClauses.paths(header.get())) {
            for (String entry : ComponentDescriptionCheck.entries(path, inspection.jar())) {
                List<Component> components;
                try {
                    components = ComponentDescriptions.read(inspection.jar().read(entry).orElseThrow());
                } catch (IOException e) {
                    continue; // the validation reports the unreadable description
                }
                for (Component component : components) {
                    for (String provided : component.provides()) {
                        services.add(new ServiceUse(component.name(), true, provided, "", true, ""));
                    }
                    for (ComponentDescriptions.Reference reference : component.references()) {
                        Optional<String> refusal = rule.refusal(reference.service());
                        services.add(new ServiceUse(component.name(), false, reference.service(), reference.name(),
                                refusal.isEmpty(), refusal.orElse("")));
                    }
                }
            }
        }
        return services;
    }

    private static List<SensitiveUse> sensitiveUses(Inspection inspection, SecurityLevel level) {
        PluginCode code = inspection.code();
        ApiVerifier verifier = new ApiVerifier(ApiTable.standard(), code.classes(), level);
        List<SensitiveUse> uses = new ArrayList<>();
        for (PluginClass type : code.classes()) {
            for (ApiUse use : verifier.verify(type)) {
                uses.add(new SensitiveUse(use.className(), use.site(), use.what(), use.family().name(),
                        use.family().reason(), use.family().instead()));
            }
        }
        return uses;
    }
}
