package org.aibase.sandbox.internal;

import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Permission;

/**
 * Which platform services a sandbox or isolated plugin sees: THE table (docs/security.md shows it;
 * the validator carries a copy for its static check of DS references). Everything else registered by
 * the platform — Config Admin, the SCR runtime, the registry, the whiteboards' runtimes, Application
 * services — and every other plugin's services stay invisible.
 *
 * <p>The extender (SCR) looks services up on behalf of a plugin with the plugin's own BundleContext,
 * so what DS needs for the plugin must be visible to the plugin: the {@code Condition} every DS 1.5
 * component waits for (without it no plugin component is ever satisfied) and {@code LoggerFactory}
 * for {@code Logger} references. Config Admin is not needed: SCR obtains it through a reference it
 * found itself, which a find hook does not filter, and the {@code ManagedService} it registers for the
 * plugin belongs to the plugin.
 */
final class ServiceGrants {

    /** Every plugin sees these. */
    private static final Optional<Permission> EVERY_PLUGIN = Optional.empty();

    private static final Map<String, Optional<Permission>> TABLE = Map.ofEntries(
            Map.entry("org.aibase.api.plugin.PluginContext", EVERY_PLUGIN),
            Map.entry("org.aibase.api.prompt.PromptTemplates", EVERY_PLUGIN),
            Map.entry("org.osgi.service.log.LoggerFactory", EVERY_PLUGIN),
            Map.entry("org.osgi.service.condition.Condition", EVERY_PLUGIN),
            Map.entry("org.aibase.api.llm.LlmService", Optional.of(Permission.LLM)),
            Map.entry("org.aibase.api.persistence.PersistenceService", Optional.of(Permission.STORAGE)),
            Map.entry("org.aibase.api.jobs.JobService", Optional.of(Permission.JOBS)),
            Map.entry("org.aibase.api.metrics.MetricsService", Optional.of(Permission.METRICS_READ)),
            Map.entry("org.aibase.api.http.OutboundHttp", Optional.of(Permission.NETWORK)),
            Map.entry("org.aibase.api.files.PluginFiles", Optional.of(Permission.FILES)));

    private ServiceGrants() {
    }

    /** Whether a platform service registered under these classes is granted to the plugin. */
    static boolean grants(Confined plugin, String[] objectClasses) {
        if (objectClasses == null) {
            return false;
        }
        for (String objectClass : objectClasses) {
            Optional<Permission> needed = TABLE.get(objectClass);
            if (needed != null && needed.map(plugin::holds).orElse(true)) {
                return true;
            }
        }
        return false;
    }

    /** The table, for docs and tests: service class to the permission granting it (empty: every plugin). */
    static Map<String, Optional<Permission>> table() {
        return TABLE;
    }
}
