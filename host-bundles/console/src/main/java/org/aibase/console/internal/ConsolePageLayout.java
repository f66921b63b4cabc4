package org.aibase.console.internal;

import java.util.function.Consumer;

/**
 * The page inside the console's frame: the upload bar, the plugins table, the deployment log, the
 * LLM and jobs panels and the configuration forms, in the console's own classes, and the script
 * that refreshes the table and sends the actions with the page's token.
 */
final class ConsolePageLayout {

    /** The renderers of the page's sections, in page order. */
    record Sections(Consumer<StringBuilder> plugins, Consumer<StringBuilder> deployments, Consumer<StringBuilder> llm,
            Consumer<StringBuilder> jobs, Consumer<StringBuilder> configuration) {
    }

    private ConsolePageLayout() {
    }

    static void render(String pluginRoot, String token, int refreshSeconds, StringBuilder html, Sections sections) {
        html.append("<div id=\"aibase\" data-root=\"").append(Html.attribute(pluginRoot)).append("\" data-token=\"")
                .append(Html.attribute(token)).append("\" data-refresh=\"").append(refreshSeconds * 1000).append("\">\n");
        html.append("<div class=\"ui-widget-header ui-corner-top buttonGroup aibase-toolbar\">")
                .append("<label for=\"aibase-jar\">Plugin JAR </label><input type=\"file\" id=\"aibase-jar\" accept=\".jar\"/> ")
                .append("<button type=\"button\" id=\"aibase-upload\" class=\"ui-button ui-widget ui-state-default ui-corner-all\">")
                .append("Upload and install</button> ")
                .append("<button type=\"button\" id=\"aibase-refresh\" class=\"ui-button ui-widget ui-state-default ui-corner-all\">")
                .append("Refresh</button> <span id=\"aibase-refreshed\"></span></div>\n")
                .append("<div id=\"aibase-message\" class=\"ui-helper-hidden\"></div>\n");
        html.append("<div id=\"aibase-plugins\">\n");
        sections.plugins().accept(html);
        html.append("</div>\n");
        section(html, "aibase-deployment-log", "Deployment log (newest first)", sections.deployments());
        section(html, "aibase-llm", "LLM", sections.llm());
        section(html, "aibase-jobs", "Jobs", sections.jobs());
        section(html, "aibase-configuration", "Configuration", sections.configuration());
        html.append("</div>\n<script type=\"text/javascript\" src=\"").append(Html.attribute(pluginRoot))
                .append("/res/aibase.js\"></script>\n");
    }

    private static void section(StringBuilder html, String id, String title, Consumer<StringBuilder> content) {
        html.append("<div id=\"").append(id).append("\" class=\"aibase-section\">\n")
                .append("<h2 class=\"ui-widget-header ui-corner-top\">").append(title).append("</h2>\n");
        content.accept(html);
        html.append("</div>\n");
    }
}
