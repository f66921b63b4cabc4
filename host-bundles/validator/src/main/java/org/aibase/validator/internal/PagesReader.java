package org.aibase.validator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.aibase.api.plugin.PluginPage;

/**
 * Reads {@code ui:}, a list of the plugin's web pages:
 *
 * <pre>
 * ui:
 *   - path: /ui/
 *     title: Sales analytics
 *     description: Upload a CSV and see its statistics
 * </pre>
 *
 * A value of the wrong type is an error and its page is skipped; the form of paths, their files
 * and the {@code http} permission they need are {@link PagesCheck}'s.
 */
final class PagesReader {

    static final Set<String> FIELDS = Set.of("path", "title", "description");
    private static final String EXAMPLE = "a list of mappings such as {path: /ui/, title: My page, description: ...}";

    private PagesReader() {
    }

    static List<PluginPage> read(DescriptorFields fields) {
        Object value = fields.raw("ui");
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            fields.error("ui", "is " + DescriptorFields.kind(value) + ", not a list", EXAMPLE);
            return List.of();
        }
        List<PluginPage> pages = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof Map<?, ?> declared)) {
                fields.error("ui", "element " + (i + 1) + " is " + DescriptorFields.kind(list.get(i)) + ", not a mapping", EXAMPLE);
                continue;
            }
            DescriptorFields page = fields.element(declared, "ui[" + i + "].");
            page.warnAboutUnknownKeys(FIELDS);
            var path = page.text("path");
            var title = page.text("title");
            if (path.isEmpty() && page.raw("path") == null) {
                page.error("path", "is missing", "the page below the plugin's URL, e.g. /ui/");
            }
            if (title.isEmpty() && page.raw("title") == null) {
                page.error("title", "is missing", "what the home page calls the page, e.g. Sales analytics");
            }
            if (path.isPresent() && title.isPresent()) {
                pages.add(new PluginPage(path.get(), title.get(), page.text("description").orElse("")));
            }
        }
        return pages;
    }
}
