package org.aibase.validator.internal;

import java.util.List;
import java.util.regex.Pattern;

import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.validator.Finding;
import org.aibase.validator.ValidationContext;

/**
 * The id is a URL segment and a configuration PID part: {@code [a-z][a-z0-9_]{1,39}}, not a platform
 * path, and unique: a JAR may carry an installed id only when it is that id's own file (an update).
 */
public final class IdCheck extends DescriptorRule {

    /** Ids the platform's own paths use under {@code /api/v1/}. */
    public static final List<String> RESERVED = List.of("plugins", "jobs", "llm", "health", "validate", "deployments",
            "metrics", "system", "ui", "web", "api", "static", "session", "docs", "logs");

    private static final Pattern ID = Pattern.compile(PluginDescriptor.ID_PATTERN);
    private static final String ALLOWED_FORM = PluginDescriptor.ID_PATTERN + ": 2 to 40 lower-case letters, digits or '_', "
            + "starting with a letter";

    private final ValidationContext context;

    /** Checks uniqueness against the context's installed plugins. */
    public IdCheck(ValidationContext context) {
        this.context = context;
    }

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        String id = descriptor.id();
        String location = Locations.field("id");
        if (!ID.matcher(id).matches()) {
            inspection.add(Finding.error(location, "'" + id + "' is not a plugin id", ALLOWED_FORM));
        } else if (RESERVED.contains(id)) {
            inspection.add(Finding.error(location, "'" + id + "' is reserved for a platform path",
                    "any id of the form but " + String.join(", ", RESERVED)));
        }
        String installedFrom = context.installedPlugins().get(id);
        String file = inspection.jar().name();
        if (installedFrom != null && !installedFrom.equals(file)) {
            inspection.add(Finding.error(location, "'" + id + "' is already installed from " + installedFrom
                    + "; " + file + " cannot install it a second time",
                    "replace " + installedFrom + " to update the plugin, or choose another id"));
        }
    }
}
