package org.aibase.validator.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginPage;
import org.aibase.api.plugin.TaskDeclaration;
import org.aibase.validator.DescriptorReader;

/**
 * The fields of {@code plugin.yaml} and their types: turns a loaded YAML mapping into a
 * {@link PluginDescriptor}. Rules about the values (patterns, ranges, maxima, combinations) are the
 * checks' business; here a value is only required to have the right type.
 */
public final class DescriptorContent {

    /** The optional contact fields, kept in {@link PluginDescriptor#contacts()}. */
    public static final List<String> CONTACTS = List.of("email", "website", "documentation_url", "support_url", "license");

    /** Every top-level field, in documentation order. */
    public static final Set<String> FIELDS;

    static {
        Set<String> fields = new LinkedHashSet<>(List.of("id", "name", "version", "description", "author"));
        fields.addAll(CONTACTS);
        fields.addAll(List.of("category", "tags", "capabilities", "dependencies", "requires", "security",
                "permissions", "network_hosts", "limits", "defaults", "tasks", "ui"));
        FIELDS = java.util.Collections.unmodifiableSet(fields);
    }

    private DescriptorContent() {
    }

    /**
     * Reads the descriptor. It is present whenever the id could be read, even when other fields had
     * errors (those read as absent: no permission, the default level), so that the rules can still
     * report everything; only a reading without errors is a descriptor to act on.
     */
    public static Optional<PluginDescriptor> read(DescriptorFields fields) {
        fields.warnAboutUnknownKeys(FIELDS);
        Optional<String> id = id(fields);
        String name = fields.text("name").orElse(id.orElse(""));
        String version = fields.text("version").orElseGet(() -> {
            if (fields.raw("version") == null) {
                fields.error("version", "is missing", "a version X.Y.Z equal to Bundle-Version's major.minor.micro");
            }
            return DescriptorReader.UNKNOWN_VERSION;
        });
        String description = fields.text("description").orElse("");
        String author = fields.text("author").orElse("");
        Map<String, String> contacts = new LinkedHashMap<>();
        CONTACTS.forEach(key -> fields.text(key).ifPresent(value -> contacts.put(key, value)));
        var category = fields.word("category", Vocabulary.CATEGORIES).orElse(null);
        List<String> tags = fields.texts("tags");
        List<String> capabilities = fields.texts("capabilities");
        List<String> dependencies = fields.texts("dependencies");
        String platform = requiredPlatform(fields);
        var security = fields.word("security", Vocabulary.SECURITY_LEVELS).orElse(null);
        var permissions = fields.words("permissions", Vocabulary.PERMISSIONS);
        List<String> networkHosts = fields.texts("network_hosts");
        var limits = LimitsReader.read(fields);
        ConfigurationDefaults.Read defaults = ConfigurationDefaults.read(fields);
        List<TaskDeclaration> tasks = TasksReader.read(fields);
        List<PluginPage> pages = PagesReader.read(fields);
        return id.map(i -> new PluginDescriptor(i, name, version, description, author, contacts, category, tags,
                capabilities, dependencies, platform, security, permissions, networkHosts, limits, defaults.defaults(),
                defaults.rules(), tasks, pages));
    }

    private static Optional<String> id(DescriptorFields fields) {
        Object value = fields.raw("id");
        if (value == null) {
            fields.error("id", "is missing", "a plugin id such as hello");
            return Optional.empty();
        }
        if (!(value instanceof String id) || id.isBlank()) {
            fields.error("id", "'" + value + "' is not a plugin id", "a plugin id such as hello");
            return Optional.empty();
        }
        return Optional.of(id);
    }

    private static String requiredPlatform(DescriptorFields fields) {
        return fields.mapping("requires", "a mapping such as {platform: \">=1.0.0\"}").map(requires -> {
            requires.warnAboutUnknownKeys(Set.of("platform"));
            return requires.text("platform").orElse("");
        }).orElse("");
    }
}
