package org.aibase.api.plugin;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A plugin's descriptor as read from {@value #DESCRIPTOR_FILE} at the root of its JAR: the AI Base
 * {@code config.yaml} and the PRSM {@code plugin_manifest.json} in one.
 *
 * @param id the plugin id ({@code [a-z][a-z0-9_]{1,39}}), unique in the platform and its URL segment
 * @param name the human-readable name
 * @param version the plugin version ({@code X.Y.Z}), equal to Bundle-Version's major.minor.micro
 * @param description what it does
 * @param author who made it
 * @param contacts optional contact data by descriptor key: {@code email}, {@code website},
 *        {@code documentation_url}, {@code support_url}, {@code license}
 * @param category its category
 * @param tags free words for search
 * @param capabilities what it can do ({@code [a-z0-9_]+}), listed by the API and filterable
 * @param dependencies informational (OSGi imports are the truth)
 * @param requiresPlatform the platform version range(s) it needs, e.g. {@code >=1.0.0 <2.0.0}; empty for any
 * @param security its security level
 * @param permissions the permissions it asks for
 * @param networkHosts host names it may call; non-empty exactly when {@code network} is granted
 * @param limits its declared resource limits
 * @param defaults the typed defaults of its configuration (PID {@code aibase.plugin.<id>})
 * @param configurationRules what an operator's value of a key must be beyond its type (ranges,
 *        allowed values, patterns), for the keys that declare one
 * @param tasks the task types it declares, in the descriptor's order; empty when it declares none
 *        (then any type reaches its {@link Plugin} service, for any {@code user})
 * @param pages the web pages it declares, in the descriptor's order; empty when it declares none
 */
@ProviderType
public record PluginDescriptor(String id, String name, String version, String description, String author,
        Map<String, String> contacts, Category category, List<String> tags, List<String> capabilities,
        List<String> dependencies, String requiresPlatform, SecurityLevel security, Set<Permission> permissions,
        List<String> networkHosts, ResourceLimits limits, Map<String, Object> defaults,
        Map<String, ConfigurationRule> configurationRules, List<TaskDeclaration> tasks, List<PluginPage> pages) {

    /** The manifest header that makes a bundle a plugin; its value names the descriptor entry. */
    public static final String MANIFEST_HEADER = "AIBase-Plugin";

    /** The descriptor entry at the JAR root. */
    public static final String DESCRIPTOR_FILE = "plugin.yaml";

    /**
     * The form of a plugin id: 2 to 40 lower-case letters, digits or {@code _}, starting with a letter. It is a
     * URL segment and part of configuration PIDs (no hyphen: FileInstall reads {@code -} in a configuration
     * file's name as the factory separator).
     */
    public static final String ID_PATTERN = "[a-z][a-z0-9_]{1,39}";

    /** Ids no plugin may take: the platform's own paths under {@code /api/v1/}. */
    public static final java.util.Set<String> RESERVED_IDS = java.util.Set.of("plugins", "jobs", "llm", "health", "validate",
            "deployments", "metrics", "system", "ui", "web", "api", "static", "session", "docs", "logs");

    /** Creates a descriptor; every collection is copied so the record stays immutable. */
    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        description = description == null ? "" : description;
        author = author == null ? "" : author;
        contacts = contacts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(contacts));
        category = category == null ? Category.UTILITY : category;
        tags = tags == null ? List.of() : List.copyOf(tags);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        dependencies = dependencies == null ? List.of() : List.copyOf(dependencies);
        requiresPlatform = requiresPlatform == null ? "" : requiresPlatform;
        security = security == null ? SecurityLevel.SANDBOX : security;
        // an EnumSet copy keeps a stable order; the unmodifiable view keeps the record immutable
        EnumSet<Permission> copy = EnumSet.noneOf(Permission.class);
        copy.addAll(permissions == null ? Set.of() : permissions);
        permissions = Collections.unmodifiableSet(copy);
        networkHosts = networkHosts == null ? List.of() : List.copyOf(networkHosts);
        limits = limits == null ? ResourceLimits.NONE : limits;
        // insertion order is the descriptor's order, which configuration forms follow
        defaults = defaults == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        configurationRules = configurationRules == null ? Map.of() : Map.copyOf(configurationRules);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
        pages = pages == null ? List.of() : List.copyOf(pages);
    }

    /** A descriptor that declares no pages. */
    public PluginDescriptor(String id, String name, String version, String description, String author,
            Map<String, String> contacts, Category category, List<String> tags, List<String> capabilities,
            List<String> dependencies, String requiresPlatform, SecurityLevel security, Set<Permission> permissions,
            List<String> networkHosts, ResourceLimits limits, Map<String, Object> defaults,
            Map<String, ConfigurationRule> configurationRules, List<TaskDeclaration> tasks) {
        this(id, name, version, description, author, contacts, category, tags, capabilities, dependencies,
                requiresPlatform, security, permissions, networkHosts, limits, defaults, configurationRules, tasks, null);
    }

    /** A descriptor that declares no tasks. */
    public PluginDescriptor(String id, String name, String version, String description, String author,
            Map<String, String> contacts, Category category, List<String> tags, List<String> capabilities,
            List<String> dependencies, String requiresPlatform, SecurityLevel security, Set<Permission> permissions,
            List<String> networkHosts, ResourceLimits limits, Map<String, Object> defaults,
            Map<String, ConfigurationRule> configurationRules) {
        this(id, name, version, description, author, contacts, category, tags, capabilities, dependencies,
                requiresPlatform, security, permissions, networkHosts, limits, defaults, configurationRules, null, null);
    }

    /** The declared task of this name, if the plugin declares it. */
    public Optional<TaskDeclaration> task(String name) {
        return tasks.stream().filter(task -> task.name().equals(name)).findFirst();
    }

    /** A descriptor whose configuration keys declare no rules beyond their types. */
    public PluginDescriptor(String id, String name, String version, String description, String author,
            Map<String, String> contacts, Category category, List<String> tags, List<String> capabilities,
            List<String> dependencies, String requiresPlatform, SecurityLevel security, Set<Permission> permissions,
            List<String> networkHosts, ResourceLimits limits, Map<String, Object> defaults) {
        this(id, name, version, description, author, contacts, category, tags, capabilities, dependencies,
                requiresPlatform, security, permissions, networkHosts, limits, defaults, null);
    }

    /** The rule of a configuration key; {@link ConfigurationRule#NONE} when it declares none. */
    public ConfigurationRule configurationRule(String key) {
        return configurationRules.getOrDefault(key, ConfigurationRule.NONE);
    }

    /** A descriptor with only the essentials; everything else takes its default. */
    public PluginDescriptor(String id, String name, String version, Set<Permission> permissions) {
        this(id, name, version, null, null, null, null, null, null, null, null, null, permissions, null, null, null, null, null,
                null);
    }

    /** Whether the descriptor grants the given permission. */
    public boolean hasPermission(Permission permission) {
        return permissions.contains(permission);
    }

    /** A contact entry such as {@code email}, if given. */
    public Optional<String> contact(String key) {
        return Optional.ofNullable(contacts.get(key));
    }
}
