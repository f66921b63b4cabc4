package org.aibase.validator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.SecurityLevel;

/**
 * What a plugin JAR asks of the platform, for a person deciding whether to deploy it: the permissions it
 * declares, the packages it imports, the services its components reference and provide, and every use of
 * a sensitive JDK or library API with the class and method it is made from. Each item says whether the
 * platform would allow it; {@link #validation()} is the validator's verdict on the whole JAR.
 *
 * @param file the JAR's file name
 * @param descriptor the plugin's descriptor, when its id could be read
 * @param confinedAt the level its code, imports and references are checked at ({@code sandbox} for a
 *        plugin that claims {@code trusted}: a JAR cannot grant itself that)
 * @param permissions every permission it declares, with what it grants
 * @param imports every package of its {@code Import-Package} header
 * @param services every service its DS components reference or provide
 * @param sensitiveUses every use of an API the platform refuses at its level, in the order of the classes
 * @param validation the validator's report of the same JAR
 */
public record SecurityReport(String file, Optional<PluginDescriptor> descriptor, SecurityLevel confinedAt,
        List<PermissionGrant> permissions, List<PackageImport> imports, List<ServiceUse> services,
        List<SensitiveUse> sensitiveUses, ValidationReport validation) {

    /** Creates a report, copying the lists so the record stays immutable. */
    public SecurityReport {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(confinedAt, "confinedAt");
        permissions = List.copyOf(permissions);
        imports = List.copyOf(imports);
        services = List.copyOf(services);
        sensitiveUses = List.copyOf(sensitiveUses);
        Objects.requireNonNull(validation, "validation");
    }

    /**
     * A declared permission.
     *
     * @param permission its id, e.g. {@code llm}
     * @param grants what it grants: a service interface, or what {@code http} lets the platform serve
     */
    public record PermissionGrant(String permission, String grants) {
    }

    /**
     * A package of {@code Import-Package}.
     *
     * @param packageName the package
     * @param optional whether it is imported with {@code resolution:=optional}
     * @param allowed whether the plugin's level lets it be wired (or it is the plugin's own)
     */
    public record PackageImport(String packageName, boolean optional, boolean allowed) {
    }

    /**
     * A service a component references or provides.
     *
     * @param component the component's name
     * @param provided true for a service the component registers, false for one it references
     * @param service the interface
     * @param reference the reference's name; empty for a provided service
     * @param allowed whether the platform lets the plugin have it (a provided service always)
     * @param note why it is refused; empty when allowed
     */
    public record ServiceUse(String component, boolean provided, String service, String reference, boolean allowed,
            String note) {
    }

    /**
     * A use of a sensitive API.
     *
     * @param className the class using it, e.g. {@code org.example.Evil}
     * @param method the method it is used in, e.g. {@code run()}; empty for the class's declaration
     * @param use how it is used, e.g. {@code uses java.lang.Runtime.exec}
     * @param family the group of APIs it belongs to, e.g. {@code processes}
     * @param reason what the API would do that the platform refuses
     * @param instead the platform's way to do it
     */
    public record SensitiveUse(String className, String method, String use, String family, String reason, String instead) {
    }

    /** Whether the validator accepts the JAR (the report may still list warnings). */
    public boolean accepted() {
        return validation.valid();
    }

    /** JSON-shaped, for the CLI's {@code --json}: every list under its own key, the verdict under {@code validation}. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("file", file);
        descriptor.ifPresent(d -> map.put("plugin", Map.of("id", d.id(), "version", d.version(), "security", d.security().id())));
        map.put("confined_at", confinedAt.id());
        map.put("permissions", permissions.stream().map(p -> row("permission", p.permission(), "grants", p.grants())).toList());
        map.put("imports", imports.stream().map(i -> row("package", i.packageName(), "optional", i.optional(),
                "allowed", i.allowed())).toList());
        map.put("services", services.stream().map(s -> row("component", s.component(),
                "direction", s.provided() ? "provides" : "references", "service", s.service(), "reference", s.reference(),
                "allowed", s.allowed(), "note", s.note())).toList());
        map.put("sensitive_uses", sensitiveUses.stream().map(u -> row("class", u.className(), "method", u.method(),
                "use", u.use(), "family", u.family(), "reason", u.reason(), "instead", u.instead())).toList());
        map.put("accepted", accepted());
        map.put("validation", validation.toMap());
        return map;
    }

    private static Map<String, Object> row(Object... keysAndValues) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }
}
