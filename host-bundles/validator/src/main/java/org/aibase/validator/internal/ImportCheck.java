package org.aibase.validator.internal;

import java.util.LinkedHashSet;
import java.util.Set;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;
import org.aibase.validator.WiringGrants;
import org.aibase.validator.internal.ManifestClauses.Clause;

/**
 * A confined plugin imports only packages its level may wire to ({@link WiringGrants}, the table the
 * resolver hook applies) and requires no bundle. The hook would leave such a plugin unresolved at
 * install time; refusing it here says so before anything is installed. An optional or dynamic import
 * the hook would never wire is a warning: the plugin installs, but never sees that package.
 */
public final class ImportCheck extends DescriptorRule {

    private static final String IMPORT = "Import-Package";
    private static final String DYNAMIC = "DynamicImport-Package";
    private static final String REQUIRE = "Require-Bundle";

    private final ValidationContext context;

    /** Checks plugins that are not trusted in this context. */
    public ImportCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        if (!Confinement.applies(descriptor, context)) {
            return;
        }
        SecurityLevel level = Confinement.level(descriptor);
        String allowed = "java.*, the plugin's own packages, " + String.join(", ", WiringGrants.allowed(level));
        Set<String> own = ownPackages(inspection);
        inspection.jar().header(IMPORT).ifPresent(header -> {
            for (Clause clause : ManifestClauses.clauses(header)) {
                for (String pkg : clause.paths()) {
                    if (!wired(level, own, pkg)) {
                        inspection.add(clause.optional()
                                ? Finding.warning(Locations.header(IMPORT), "imports " + pkg + " optionally; " + WiringGrants.pluginOf(level)
                                        + " is never wired to it, so it stays missing", allowed)
                                : Finding.error(Locations.header(IMPORT), "imports " + pkg + ", which " + WiringGrants.pluginOf(level)
                                        + " may not wire to: the plugin would not resolve", allowed));
                    }
                }
            }
        });
        inspection.jar().header(DYNAMIC).ifPresent(header -> {
            for (String pattern : ManifestClauses.paths(header)) {
                String pkg = pattern.endsWith(".*") ? pattern.substring(0, pattern.length() - 2) : pattern;
                if (pkg.contains("*") || !WiringGrants.mayImport(level, pkg)) {
                    inspection.add(Finding.warning(Locations.header(DYNAMIC), "names " + pattern + "; "
                            + WiringGrants.pluginOf(level) + " is wired dynamically only to packages of its level", allowed));
                }
            }
        });
        inspection.jar().header(REQUIRE).ifPresent(header -> {
            for (Clause clause : ManifestClauses.clauses(header)) {
                String bundle = clause.paths().get(0);
                String message = "requires bundle " + bundle + "; Require-Bundle wires to everything a bundle exports, past "
                        + "the packages " + WiringGrants.pluginOf(level) + " may import";
                inspection.add(clause.optional()
                        ? Finding.warning(Locations.header(REQUIRE), message + ", so it is never wired", "Import-Package of " + allowed)
                        : Finding.error(Locations.header(REQUIRE), message + ": the plugin would not resolve", "Import-Package of " + allowed));
            }
        });
    }

    /** Whether the resolver wires an import of the package for a plugin at the level, given its own packages. */
    static boolean wired(SecurityLevel level, Set<String> own, String pkg) {
        return own.contains(pkg) || WiringGrants.mayImport(level, pkg);
    }

    /** The plugin's own packages: those of its classes and those it exports. */
    static Set<String> ownPackages(Inspection inspection) {
        Set<String> own = new LinkedHashSet<>(inspection.code().packages());
        inspection.jar().header("Export-Package").ifPresent(header -> own.addAll(ManifestClauses.paths(header)));
        return own;
    }
}
