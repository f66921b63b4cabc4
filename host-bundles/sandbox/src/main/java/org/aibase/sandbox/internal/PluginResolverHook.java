package org.aibase.sandbox.internal;

import java.util.Collection;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.hooks.resolver.ResolverHook;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Confines plugins' wiring: removing a candidate is all a resolver hook can do, and it is enough —
 * a requirement left without candidates fails to resolve, and the framework's error names it
 * ({@code missing requirement ... osgi.wiring.package=...}), which the deployer records as the reason.
 */
final class PluginResolverHook implements ResolverHook {

    private static final Logger LOG = LoggerFactory.getLogger(PluginResolverHook.class);

    private final KnownPlugins plugins;

    PluginResolverHook(KnownPlugins plugins) {
        this.plugins = plugins;
    }

    @Override
    public void filterResolvable(Collection<BundleRevision> candidates) {
        // every bundle may resolve; what it may wire to is decided per requirement
    }

    @Override
    public void filterSingletonCollisions(BundleCapability singleton, Collection<BundleCapability> collisionCandidates) {
        // singletons are not a security matter
    }

    @Override
    public void filterMatches(BundleRequirement requirement, Collection<BundleCapability> candidates) {
        Bundle requirer = requirement.getRevision().getBundle();
        switch (requirement.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE -> filterPackages(requirer, candidates);
            case BundleNamespace.BUNDLE_NAMESPACE -> plugins.restricted(requirer).ifPresent(confined -> {
                // Require-Bundle wires to everything a bundle exports: no allow-list can be checked against it
                refuse(requirer, "Require-Bundle", candidates);
                candidates.clear();
            });
            case HostNamespace.HOST_NAMESPACE -> plugins.of(requirer).ifPresent(fragment ->
                    // a fragment joins its host's class loader: a plugin's may join only its own plugin
                    candidates.removeIf(host -> !samePlugin(fragment, host)));
            default -> {
                // extender, service, contract and other generic capabilities carry no code
            }
        }
    }

    @Override
    public void end() {
        // nothing kept per resolve
    }

    private void filterPackages(Bundle requirer, Collection<BundleCapability> candidates) {
        // no plugin provides a platform package to another bundle, whoever the importer is
        candidates.removeIf(c -> !isOwn(requirer, c) && plugins.of(provider(c)).isPresent()
                && WiringRules.platformOnly(packageName(c)));
        Optional<Confined> confined = plugins.restricted(requirer);
        if (confined.isPresent() && !candidates.isEmpty()) {
            boolean removed = candidates.removeIf(c -> !isOwn(requirer, c)
                    && !WiringRules.mayImport(confined.get().level(), packageName(c)));
            if (removed && candidates.isEmpty()) {
                LOG.debug("Plugin bundle {} [{}] at level {} may not wire to a provider of this package",
                        requirer.getSymbolicName(), requirer.getBundleId(), confined.get().level().id());
            }
        }
    }

    private boolean samePlugin(Confined fragment, BundleCapability host) {
        return plugins.of(provider(host))
                .flatMap(Confined::id)
                .map(id -> fragment.id().map(id::equals).orElse(false))
                .orElse(false);
    }

    private static boolean isOwn(Bundle requirer, BundleCapability capability) {
        Bundle provider = provider(capability);
        return provider != null && provider.getBundleId() == requirer.getBundleId();
    }

    private static Bundle provider(BundleCapability capability) {
        return capability.getRevision().getBundle();
    }

    private static String packageName(BundleCapability capability) {
        return String.valueOf(capability.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE));
    }

    private static void refuse(Bundle requirer, String what, Collection<BundleCapability> candidates) {
        if (!candidates.isEmpty()) {
            LOG.debug("Plugin bundle {} [{}] may not use {}", requirer.getSymbolicName(), requirer.getBundleId(), what);
        }
    }
}
