package org.aibase.validator;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a validation is checked against: this runtime and its operator's decisions. The CLI uses
 * {@link #standalone(String)}; the deployer and the HTTP API pass the installed plugins and the
 * operator's configuration.
 *
 * @param platformVersion this runtime's version ({@code X.Y.Z}), for {@code requires.platform}
 * @param installedPlugins plugin id to the file it was installed from, for uniqueness; a JAR may
 *        carry an installed id only when it is that id's own file (an update)
 * @param trustedGrants plugin ids the operator allows to be {@code trusted}
 * @param limits the platform's maxima for declared limits
 * @param allowLibraries whether plain bundles without a plugin descriptor are accepted
 */
public record ValidationContext(String platformVersion, Map<String, String> installedPlugins,
        Set<String> trustedGrants, PlatformLimits limits, boolean allowLibraries) {

    /** Creates a context; collections are copied. */
    public ValidationContext {
        Objects.requireNonNull(platformVersion, "platformVersion");
        installedPlugins = Map.copyOf(installedPlugins);
        trustedGrants = Set.copyOf(trustedGrants);
        Objects.requireNonNull(limits, "limits");
    }

    /** Outside a running platform: nothing installed, nothing granted, default maxima, no libraries. */
    public static ValidationContext standalone(String platformVersion) {
        return new ValidationContext(platformVersion, Map.of(), Set.of(), PlatformLimits.DEFAULTS, false);
    }
}
