package org.aibase.api.plugin;

import java.util.Objects;

/**
 * A web page a plugin declares under {@code ui:} in {@code plugin.yaml}: a file of its JAR's
 * {@code ui/} folder, which the platform serves at {@code /api/v1/<id><path>} and lists on its home
 * page.
 *
 * @param path the page below the plugin's URL: {@code /ui/} (its {@code ui/index.html}) or
 *        {@code /ui/<name>.html}
 * @param title what the home page calls it
 * @param description one line about it; empty when not given
 */
public record PluginPage(String path, String title, String description) {

    /** The form of a page path: the {@code ui/} folder itself or an HTML file in it. */
    public static final String PATH_PATTERN = "/ui/([a-z0-9][a-z0-9_-]{0,63}(/[a-z0-9][a-z0-9_-]{0,63}){0,3}\\.html)?";

    /** Creates a page; a missing description is empty. */
    public PluginPage {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(title, "title");
        description = description == null ? "" : description;
    }

    /** The JAR entry that holds the page. */
    public String entry() {
        return path.equals("/ui/") ? "ui/index.html" : path.substring(1);
    }
}
