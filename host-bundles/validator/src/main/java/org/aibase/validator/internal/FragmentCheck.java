package org.aibase.validator.internal;

import org.aibase.validator.Finding;

/**
 * Nothing in the deploy folder may be a fragment. A fragment joins its host's class loader: attached
 * to a platform bundle, plugin code would run as the platform. The resolver hook refuses such
 * attachments too, but only once it is registered; refusing fragments here keeps them out of the
 * framework cache altogether, so no restart can resolve one before the hook is in place.
 */
public final class FragmentCheck implements PluginCheck {

    private static final String HEADER = "Fragment-Host";

    @Override
    public void check(Inspection inspection) {
        inspection.jar().header(HEADER).ifPresent(host -> inspection.add(Finding.error(Locations.header(HEADER),
                "makes the JAR a fragment of " + ManifestClauses.paths(host).stream().findFirst().orElse(host)
                        + "; fragments join their host's class loader and are not deployed",
                "a bundle of its own (no Fragment-Host header)")));
    }
}
