package org.aibase.validator;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.aibase.api.plugin.SecurityLevel;

/**
 * The packages a plugin may wire to, by security level: the one table. The validator refuses an
 * import outside it before anything is installed, and the sandbox's resolver hook removes the same
 * candidates at run time. {@code java.*} never reaches the resolver (the framework always delegates
 * it to the JDK), and a plugin's own packages are always allowed. A pattern ending in {@code *}
 * matches the package and everything below it; other patterns match one package exactly.
 *
 * <p>{@code org.osgi.framework} is deliberately absent for sandbox and isolated plugins: DS needs no
 * framework API in the plugin, and a plugin holding a {@code BundleContext} could reach services
 * through {@code Bundle.getRegisteredServices()}, which the service hooks do not filter.
 */
public final class WiringGrants {

    private static final List<String> API = List.of(
            "org.aibase.api*",
            "jakarta.ws.rs*",
            "jakarta.persistence*");

    private static final List<String> SAFE_LIBRARIES = List.of(
            "jakarta.inject",
            "jakarta.annotation",
            // @RolesAllowed: the role a plugin endpoint needs, enforced by the platform
            "jakarta.annotation.security",
            "com.fasterxml.jackson*",
            "org.apache.commons.math3*",
            "org.slf4j*",
            // the API of the public LoggerFactory service; plain logging, nothing to reach with it
            "org.osgi.service.log",
            // annotations (mostly CLASS retention: bnd rarely imports them, but harmless when it does)
            "org.osgi.service.component.annotations",
            "org.osgi.annotation*");

    private static final Map<SecurityLevel, List<String>> ALLOWED = Map.of(
            SecurityLevel.SANDBOX, concat(API, SAFE_LIBRARIES),
            SecurityLevel.ISOLATED, API,
            SecurityLevel.TRUSTED, List.of("*"));

    /**
     * Packages no plugin may provide to another bundle: a plugin exporting {@code org.aibase.api} or
     * Jackson could hijack the wiring of every bundle that imports it.
     */
    private static final List<String> PLATFORM_PROVIDED = concat(List.of("org.aibase*"), concat(API, SAFE_LIBRARIES));

    private WiringGrants() {
    }

    /** Whether a plugin at the level may import the package from a bundle other than itself. */
    public static boolean mayImport(SecurityLevel level, String packageName) {
        return packageName.startsWith("java.") || matches(ALLOWED.get(level), packageName);
    }

    /** Whether only the platform may provide the package to others. */
    public static boolean platformOnly(String packageName) {
        return matches(PLATFORM_PROVIDED, packageName);
    }

    /** A plugin of the level, for messages: {@code a sandbox plugin}, {@code an isolated plugin}. */
    public static String pluginOf(SecurityLevel level) {
        return (level == SecurityLevel.ISOLATED ? "an " : "a ") + level.id() + " plugin";
    }

    /** The patterns allowed at a level, for messages and docs. */
    public static List<String> allowed(SecurityLevel level) {
        return ALLOWED.get(level);
    }

    private static boolean matches(List<String> patterns, String packageName) {
        for (String pattern : patterns) {
            if (pattern.equals("*")) {
                return true;
            }
            if (pattern.endsWith("*")) {
                String stem = pattern.substring(0, pattern.length() - 1);
                // "com.fasterxml.jackson*" matches com.fasterxml.jackson and com.fasterxml.jackson.core, not com.fasterxml.jacksonx
                String base = stem.endsWith(".") ? stem.substring(0, stem.length() - 1) : stem;
                if (packageName.equals(base) || packageName.startsWith(base + ".")) {
                    return true;
                }
            } else if (packageName.equals(pattern)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
