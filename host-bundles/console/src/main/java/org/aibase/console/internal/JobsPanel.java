package org.aibase.console.internal;

/**
 * Jobs by state per plugin and the latest failures. The durable job service is not part of this
 * runtime yet; until it is, the panel says so.
 */
final class JobsPanel {

    static final String NOT_INSTALLED = "job service not installed";

    private JobsPanel() {
    }

    static void render(StringBuilder html) {
        html.append("<p class=\"statline ui-state-highlight\" id=\"aibase-jobs-status\">Jobs: ").append(NOT_INSTALLED)
                .append("</p>\n");
    }
}
