package org.aibase.sandbox.internal;

import java.util.Set;



/**
 * Which platform services a sandbox or isolated plugin sees: the validator's table
 * ({@link org.aibase.validator.ServiceGrants}, which docs/security.md shows), applied at run time,
 * and what the extender needs to see in the plugin's name. Everything else registered by the
 * platform — the SCR runtime, the registry, the servlet whiteboard's runtime — and every other
 * plugin's services stay invisible.
 *
 * <p>The extender (SCR) looks services up on behalf of a plugin with the plugin's own BundleContext,
 * so what DS needs for the plugin must be visible to the plugin: the {@code Condition} every DS 1.5
 * component waits for and {@code LoggerFactory} for {@code Logger} references (both public in the
 * table), and Config Admin: SCR tracks it with the component bundle's context and reads a
 * component's configuration when it activates only once that tracker has seen it. Hidden, a plugin's
 * components started with their annotation defaults after every restart and update, and saw the
 * operator's values only when they changed while the plugin ran. Seeing the reference gives a
 * confined plugin nothing to use: it may not wire to {@code org.osgi.framework} or
 * {@code org.osgi.service.cm}, and the validator refuses a DS reference to Config Admin.
 */
final class ServiceGrants {

    /** Services the extender needs to find with a plugin's context, granted to no plugin's code. */
    private static final Set<String> EXTENDER_SERVICES = Set.of("org.osgi.service.cm.ConfigurationAdmin");

    private ServiceGrants() {
    }

    /** Whether a platform service registered under these classes is granted to the plugin. */
    static boolean grants(Confined plugin, String[] objectClasses) {
        if (objectClasses == null) {
            return false;
        }
        for (String objectClass : objectClasses) {
            if (org.aibase.validator.ServiceGrants.PUBLIC_SERVICES.contains(objectClass)
                    || EXTENDER_SERVICES.contains(objectClass)
                    || org.aibase.validator.ServiceGrants.permissionFor(objectClass).map(plugin::holds).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
