package org.aibase.validator.internal;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;
import org.aibase.validator.Finding;
import org.aibase.validator.ServiceGrants;
import org.aibase.validator.internal.ComponentDescriptions.Component;
import org.aibase.validator.internal.ComponentDescriptions.Reference;

/**
 * A confined plugin's components reference only services it is granted ({@link ServiceGrants}) or
 * its own. The service hooks would hide the others at run time, leaving the component unsatisfied
 * without a word; refusing at deployment says why.
 */
final class ServiceReferenceRule implements ComponentRule {

    private final List<String> granted;
    private final Supplier<Set<String>> ownPackages;
    private final String allowed;
    private final boolean isolated;

    /** {@code ownPackages} is asked only for a reference the grants do not allow: it reads the classes. */
    ServiceReferenceRule(PluginDescriptor descriptor, Supplier<Set<String>> ownPackages) {
        this.granted = ServiceGrants.granted(descriptor);
        this.isolated = descriptor.security() == SecurityLevel.ISOLATED;
        this.ownPackages = ownPackages;
        this.allowed = String.join(", ", granted)
                + ", and interfaces of the plugin's own packages";
    }

    @Override
    public void check(String entry, Component component, Inspection inspection) {
        for (Reference reference : component.references()) {
            refusal(reference.service()).ifPresent(why -> inspection.add(Finding.error(entry, "component "
                    + component.name() + " references " + reference.service() + " (reference '" + reference.name()
                    + "'), " + why, allowed)));
        }
    }

    /** Why a reference to the service is refused; empty when the plugin is granted it or it is its own. */
    Optional<String> refusal(String service) {
        if (granted.contains(service) || ownPackages.get().contains(packageOf(service))) {
            return Optional.empty();
        }
        Optional<Permission> permission = ServiceGrants.permissionFor(service);
        return Optional.of(permission.map(p -> "without permission '" + p.id() + "'")
                .orElse(isolated && ServiceGrants.PUBLIC_SERVICES.contains(service)
                        ? "a service of the platform's JVM, which an isolated plugin's own JVM does not offer"
                        : "a service plugins are not granted"));
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }
}
