package org.aibase.deployer.internal;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.PluginValidator;
import org.aibase.validator.ValidationContext;
import org.aibase.validator.ValidationReport;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Version;

/**
 * Validates JARs against this runtime: the installed plugins, the operator's grants, maxima and
 * library setting, and the platform version. The deploy folder and the registry validate through
 * this one place, so a JAR is judged the same whichever way it arrives.
 */
final class PluginValidation {

    /** The bundle whose version is the platform version. */
    static final String API_BUNDLE = "org.aibase.api";

    /** The platform version when the API bundle is not installed (tests, tools). */
    static final String FALLBACK_PLATFORM_VERSION = "1.0.0";

    private final BundleContext context;
    private final DeployLocations locations;
    private final PluginBundles plugins;
    private final Supplier<Set<String>> trustedPlugins;
    private volatile DeployerOptions options;

    PluginValidation(BundleContext context, DeployLocations locations, PluginBundles plugins, DeployerOptions options,
            Supplier<Set<String>> trustedPlugins) {
        this.context = context;
        this.trustedPlugins = trustedPlugins;
        this.locations = locations;
        this.plugins = plugins;
        configure(options);
    }

    /** Takes the operator's new configuration; it applies from the next validation. */
    void configure(DeployerOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    /** The operator's configuration. */
    DeployerOptions options() {
        return options;
    }

    /**
     * Validates a JAR that is to be deployed as {@code fileName} in the deploy folder (the JAR itself may
     * be staged elsewhere): the plugin installed from that file may be replaced by it.
     */
    ValidationReport validate(Path jar, String fileName) {
        return new PluginValidator(context(fileName)).validate(jar);
    }

    /** The context a JAR to be deployed as {@code fileName} is validated against. */
    ValidationContext context(String fileName) {
        DeployerOptions o = options;
        Map<String, String> installed = installedPlugins();
        installed.values().removeIf(fileName::equals); // its own file: an update, not a second copy
        return new ValidationContext(platformVersion(), installed, trustedPlugins.get(), o.limits(), o.allowLibraries());
    }

    /** Plugin id to the deploy-folder file name it is installed from. */
    Map<String, String> installedPlugins() {
        Map<String, String> installed = new LinkedHashMap<>();
        for (Bundle bundle : context.getBundles()) {
            Optional<Path> file = locations.fileOf(bundle.getLocation());
            if (file.isPresent() && bundle.getState() != Bundle.UNINSTALLED) {
                plugins.descriptorOf(bundle).map(PluginDescriptor::id)
                        .ifPresent(id -> installed.putIfAbsent(id, file.get().getFileName().toString()));
            }
        }
        return installed;
    }

    /** The API bundle's major.minor.micro: plugins declare {@code requires.platform} against it. */
    String platformVersion() {
        return Arrays.stream(context.getBundles())
                .filter(b -> API_BUNDLE.equals(b.getSymbolicName()))
                .map(Bundle::getVersion)
                .max(Version::compareTo)
                .map(v -> v.getMajor() + "." + v.getMinor() + "." + v.getMicro())
                .orElse(FALLBACK_PLATFORM_VERSION);
    }
}
