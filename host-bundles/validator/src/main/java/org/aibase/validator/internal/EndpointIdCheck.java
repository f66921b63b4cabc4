package org.aibase.validator.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import org.aibase.api.http.PluginEndpoint;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;

/**
 * Every {@code @PluginEndpoint} of the plugin names the plugin's own id: the id decides under which
 * {@code /api/v1/<id>/} a resource is served, and a plugin must not serve under another's prefix.
 * The annotation leaves a property in the DS component descriptions named by {@code Service-Component}.
 */
public final class EndpointIdCheck extends DescriptorRule {

    private static final String HEADER = "Service-Component";

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        inspection.jar().header(HEADER).ifPresent(header -> {
            for (String path : ManifestClauses.paths(header)) {
                List<String> entries = entries(path, inspection.jar());
                if (entries.isEmpty() && !path.contains("*")) {
                    inspection.add(Finding.error(Locations.header(HEADER), "names " + path + ", which is not in the JAR",
                            "paths of component descriptions in the JAR"));
                }
                entries.forEach(entry -> checkDescription(entry, descriptor.id(), inspection));
            }
        });
    }

    private static void checkDescription(String entry, String id, Inspection inspection) {
        try {
            byte[] xml = inspection.jar().read(entry).orElseThrow();
            for (ComponentDescriptions.Property property : ComponentDescriptions.properties(xml, PluginEndpoint.PROPERTY)) {
                for (String value : property.values()) {
                    if (!value.equals(id)) {
                        inspection.add(Finding.error(entry, "component " + property.component() + " has @PluginEndpoint(\""
                                + value + "\"), not the plugin id '" + id + "'", "@PluginEndpoint(\"" + id + "\")"));
                    }
                }
            }
        } catch (IOException e) {
            inspection.add(Finding.error(entry, "cannot be read: " + e.getMessage(), "a DS component description"));
        }
    }

    /** The entries a path names; DS allows a wildcard in the last segment, e.g. {@code OSGI-INF/*.xml}. */
    private static List<String> entries(String path, PluginJar jar) {
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
