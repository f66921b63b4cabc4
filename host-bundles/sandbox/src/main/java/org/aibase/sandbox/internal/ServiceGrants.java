package org.aibase.sandbox.internal;



/**
 * Which platform services a sandbox or isolated plugin sees: the validator's table
 * ({@link org.aibase.validator.ServiceGrants}, which docs/security.md shows), applied at run time.
 * Everything else registered by the platform — Config Admin, the SCR runtime, the registry, the
 * whiteboards' runtimes, Application services — and every other plugin's services stay invisible.
 *
 * <p>The extender (SCR) looks services up on behalf of a plugin with the plugin's own BundleContext,
 * so what DS needs for the plugin must be visible to the plugin: the {@code Condition} every DS 1.5
 * component waits for and {@code LoggerFactory} for {@code Logger} references (both public in the
 * table). Config Admin is not needed: SCR obtains it through a reference it found itself, which a
 * find hook does not filter, and the {@code ManagedService} it registers for the plugin belongs to
 * the plugin.
 */
final class ServiceGrants {

    private ServiceGrants() {
    }

    /** Whether a platform service registered under these classes is granted to the plugin. */
    static boolean grants(Confined plugin, String[] objectClasses) {
        if (objectClasses == null) {
            return false;
        }
        for (String objectClass : objectClasses) {
            if (org.aibase.validator.ServiceGrants.PUBLIC_SERVICES.contains(objectClass)
                    || org.aibase.validator.ServiceGrants.permissionFor(objectClass).map(plugin::holds).orElse(false)) {
                return true;
            }
        }
        return false;
    }
}
