package org.aibase.validator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;

/**
 * Which platform services a confined ({@code sandbox} or {@code isolated}) plugin may use: the public
 * ones, those its permissions grant, and its own (interfaces in its own packages). The one table of
 * grants: the validator refuses component descriptions that reference anything else, and the
 * sandbox's service hooks hide everything else at run time.
 */
public final class ServiceGrants {

    /**
     * Services every plugin may use, whatever its permissions. {@code Condition} is here because SCR
     * looks up the condition every DS 1.5 component waits for with the plugin's own context: hidden,
     * no plugin component would ever be satisfied.
     */
    public static final List<String> PUBLIC_SERVICES = List.of(
            "org.aibase.api.plugin.PluginContext",
            "org.aibase.api.prompt.PromptTemplates",
            "org.aibase.api.export.TabularExport",
            "org.osgi.service.log.LoggerFactory",
            "org.osgi.service.condition.Condition");

    /**
     * What an {@code isolated} plugin's own JVM offers of them: its log and DS's condition; the
     * platform's other public services stay in the runtime.
     */
    public static final List<String> ISOLATED_PUBLIC_SERVICES = List.of(
            "org.osgi.service.log.LoggerFactory",
            "org.osgi.service.condition.Condition");

    private static final Map<Permission, String> BY_PERMISSION;

    static {
        Map<Permission, String> map = new EnumMap<>(Permission.class);
        map.put(Permission.LLM, "org.aibase.api.llm.LlmService");
        map.put(Permission.STORAGE, "org.aibase.api.persistence.PersistenceService");
        map.put(Permission.JOBS, "org.aibase.api.jobs.JobService");
        map.put(Permission.METRICS_READ, "org.aibase.api.metrics.MetricsService");
        map.put(Permission.NETWORK, "org.aibase.api.http.OutboundHttp");
        map.put(Permission.FILES, "org.aibase.api.files.PluginFiles");
        // http grants no service: it lets the plugin's own resources be served
        BY_PERMISSION = Collections.unmodifiableMap(map);
    }

    private ServiceGrants() {
    }

    /** The service interface a permission grants; empty for a permission that grants none ({@code http}). */
    public static Optional<String> service(Permission permission) {
        return Optional.ofNullable(BY_PERMISSION.get(permission));
    }

    /** The permission that grants a service interface; empty when no permission does. */
    public static Optional<Permission> permissionFor(String service) {
        return BY_PERMISSION.entrySet().stream().filter(e -> e.getValue().equals(service)).map(Map.Entry::getKey).findFirst();
    }

    /** The platform services the plugin may use: the public ones (of its JVM, when isolated), then those its permissions grant. */
    public static List<String> granted(PluginDescriptor descriptor) {
        List<String> granted = new ArrayList<>(descriptor.security() == SecurityLevel.ISOLATED ? ISOLATED_PUBLIC_SERVICES
                : PUBLIC_SERVICES);
        BY_PERMISSION.forEach((permission, service) -> {
            if (descriptor.hasPermission(permission)) {
                granted.add(service);
            }
        });
        return List.copyOf(granted);
    }
}
