package org.aibase.validator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;
import org.aibase.validator.internal.ComponentDescriptions.Component;

/**
 * The plugin's Declarative Services components, read once from the descriptions its
 * {@code Service-Component} header names, follow the component rules: endpoint ids, the {@code http}
 * permission and typed configuration names for every plugin; service references and configuration
 * PIDs for confined ones.
 */
public final class ComponentDescriptionCheck extends DescriptorRule {

    static final String HEADER = "Service-Component";

    private final ValidationContext context;

    /** Applies the confinement rules to plugins that are not trusted in this context. */
    public ComponentDescriptionCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        List<ComponentRule> rules = rules(descriptor, inspection);
        inspection.jar().header(HEADER).ifPresent(header -> {
            for (String path : ManifestClauses.paths(header)) {
                List<String> entries = entries(path, inspection.jar());
                if (entries.isEmpty() && !path.contains("*")) {
                    inspection.add(Finding.error(Locations.header(HEADER), "names " + path + ", which is not in the JAR",
                            "paths of component descriptions in the JAR"));
                }
                entries.forEach(entry -> checkDescription(entry, rules, inspection));
            }
        });
        rules.forEach(rule -> rule.finish(inspection));
    }

    private List<ComponentRule> rules(PluginDescriptor descriptor, Inspection inspection) {
        List<ComponentRule> rules = new ArrayList<>(List.of(new EndpointIdRule(descriptor.id()),
                new EndpointPermissionRule(descriptor), new ConfigurationNamesRule(descriptor), new TaskHandlerRule(descriptor)));
        if (Confinement.applies(descriptor, context)) {
            rules.add(new ServiceReferenceRule(descriptor, () -> inspection.code().packages()));
            rules.add(new ConfigurationPidRule(descriptor.id()));
        }
        return rules;
    }

    private static void checkDescription(String entry, List<ComponentRule> rules, Inspection inspection) {
        List<Component> components;
        try {
            components = ComponentDescriptions.read(inspection.jar().read(entry).orElseThrow());
        } catch (IOException e) {
            inspection.add(Finding.error(entry, "cannot be read: " + e.getMessage(), "a DS component description"));
            return;
        }
        for (Component component : components) {
            rules.forEach(rule -> rule.check(entry, component, inspection));
        }
    }

    /** The entries a path names; DS allows a wildcard in the last segment, e.g. {@code OSGI-INF/*.xml}. */
    static List<String> entries(String path, PluginJar jar) {
        if (!path.contains("*")) {
            return jar.hasEntry(path) ? List.of(path) : List.of();
        }
        Pattern glob = Pattern.compile(Pattern.quote(path).replace("*", "\\E[^/]*\\Q"));
        List<String> matches = new ArrayList<>();
        for (ZipEntry entry : jar.entries()) {
            if (!entry.isDirectory() && glob.matcher(entry.getName()).matches() && !matches.contains(entry.getName())) {
                matches.add(entry.getName());
            }
        }
        return matches;
    }
}
