package org.aibase.validator.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.aibase.api.plugin.Permission;
import org.aibase.api.plugin.PluginDescriptor;
import org.aibase.api.plugin.PluginPage;
import org.aibase.validator.Finding;

/**
 * Declared pages are what the home page links to: each a file of the JAR's {@code ui/} folder that
 * the platform serves (so the plugin needs {@code http}), in the form {@value PluginPage#PATH_PATTERN},
 * declared once, with a title of at most {@value #MAX_TITLE} characters.
 */
public final class PagesCheck extends DescriptorRule {

    static final int MAX_TITLE = 80;
    private static final Pattern PATH = Pattern.compile(PluginPage.PATH_PATTERN);

    @Override
    protected void check(PluginDescriptor descriptor, Inspection inspection) {
        List<PluginPage> pages = descriptor.pages();
        if (!pages.isEmpty() && !descriptor.hasPermission(Permission.HTTP)) {
            inspection.add(Finding.error(Locations.field("ui"), "declares pages, but the plugin does not ask for the http "
                    + "permission that serves them", "add http to permissions, or remove ui"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pages.size(); i++) {
            PluginPage page = pages.get(i);
            String location = Locations.field("ui[" + i + "].path");
            if (!PATH.matcher(page.path()).matches()) {
                inspection.add(Finding.error(location, "'" + page.path() + "' is not a page path",
                        "/ui/ (the folder's index.html) or /ui/<name>.html, in lower case"));
            } else if (!seen.add(page.path())) {
                inspection.add(Finding.error(location, "'" + page.path() + "' is declared twice", "each page once"));
            } else if (!inspection.jar().hasEntry(page.entry())) {
                inspection.add(Finding.error(location, "names " + page.entry() + ", which is not in the JAR",
                        "a file of the JAR's ui/ folder"));
            }
            if (page.title().isBlank() || page.title().length() > MAX_TITLE) {
                inspection.add(Finding.error(Locations.field("ui[" + i + "].title"), "must be 1 to " + MAX_TITLE
                        + " characters", "a short name such as Sales analytics"));
            }
        }
    }
}
