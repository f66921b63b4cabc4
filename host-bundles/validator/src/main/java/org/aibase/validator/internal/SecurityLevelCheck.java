package org.aibase.validator.internal;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;

/**
 * {@code isolated} plugins ask only for {@code llm}, {@code storage}, {@code jobs}, {@code http}
 * (what a separate JVM can be given); {@code trusted} needs the operator's grant, because a JAR
 * cannot make itself trusted.
 */
public final class SecurityLevelCheck extends DescriptorRule {

    /**
     * The permissions an isolated plugin may ask for: its JVM is served its endpoints and tasks, and
     * reaches the LLM and jobs services.
     */
    public static final Set<Permission> ISOLATED_PERMISSIONS = EnumSet.of(Permission.HTTP, Permission.LLM, Permission.JOBS);
    /**
     * The platform services an isolated plugin is meant to reach from its JVM, not carried over its
     * channel yet: refused with a message saying so rather than granted and failing at run time.
     */
    public static final Set<Permission> ISOLATED_NOT_YET = EnumSet.of(Permission.STORAGE);

    private final ValidationContext context;

    /** Checks trust against the context's grants. */
    public SecurityLevelCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        if (descriptor.security() == SecurityLevel.ISOLATED) {
            String allowed = ISOLATED_PERMISSIONS.stream().map(Permission::id).collect(Collectors.joining(", "));
            for (Permission permission : descriptor.permissions()) {
                if (ISOLATED_NOT_YET.contains(permission)) {
                    inspection.add(Finding.error(Locations.field("permissions"), "'" + permission.id()
                            + "' is not available at security level isolated yet: a plugin in its own JVM reaches the "
                            + "platform's llm and jobs services, but its storage does not reach its JVM yet (use "
                            + "security: sandbox for it)", allowed));
                } else if (!ISOLATED_PERMISSIONS.contains(permission)) {
                    inspection.add(Finding.error(Locations.field("permissions"), "'" + permission.id()
                            + "' is not available at security level isolated", allowed));
                }
            }
        }
        if (descriptor.security() == SecurityLevel.TRUSTED && !context.trustedGrants().contains(descriptor.id())) {
            inspection.add(Finding.error(Locations.field("security"), "'trusted' is not granted to plugin '"
                    + descriptor.id() + "' by the operator",
                    "sandbox or isolated; trusted only for plugin ids the operator lists in the sandbox configuration"));
        }
    }
}
