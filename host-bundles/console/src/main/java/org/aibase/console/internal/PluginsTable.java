package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.aibase.api.plugin.PluginState;
import org.aibase.validator.Finding;
import org.aibase.validator.Severity;
import org.aibase.validator.ValidationReport;

/**
 * The plugins table: id, name, version, state with its reason, security level, permissions, limits,
 * usage against the limits, and the actions that fit the state. The page's script reloads it in place.
 */
final class PluginsTable {

    private PluginsTable() {
    }

    static void render(List<PluginRow> rows, StringBuilder html) {
        long active = rows.stream().filter(r -> r.record().state() == PluginState.ACTIVE).count();
        html.append("<p class=\"statline ui-state-highlight\" id=\"aibase-statline\">").append(rows.size())
                .append(rows.size() == 1 ? " plugin, " : " plugins, ").append(active).append(" active</p>\n");
        html.append("<table id=\"aibase-plugin-table\" class=\"nicetable\">\n<thead><tr>")
                .append("<th>Id</th><th>Name</th><th>Version</th><th>State</th><th>Security</th>")
                .append("<th>Permissions</th><th>Limits</th><th>Usage</th><th>Actions</th></tr></thead>\n<tbody>\n");
        if (rows.isEmpty()) {
            html.append("<tr><td colspan=\"9\">No plugins: drop a JAR into deploy/ or upload one.</td></tr>\n");
        }
        for (PluginRow row : rows) {
            row(row, html);
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void row(PluginRow row, StringBuilder html) {
        PluginState state = row.record().state();
        html.append("<tr id=\"plugin-").append(Html.attribute(row.key())).append("\" data-state=\"")
                .append(state.id()).append("\">");
        html.append("<td class=\"aibase-id\">").append(Html.text(row.id().orElse("—"))).append("</td>");
        html.append("<td class=\"aibase-name\">").append(Html.text(row.name()))
                .append("<br/><small>").append(Html.text(row.record().file())).append("</small></td>");
        html.append("<td>").append(Html.text(row.version())).append("</td>");
        html.append("<td class=\"aibase-state aibase-state-").append(state.id()).append("\">")
                .append(state.name());
        Optional<ValidationReport> report = row.record().report().filter(r -> !r.valid());
        if (report.isPresent()) {
            reason(row.record().reason(), report.get(), html);
        } else {
            row.record().reason().ifPresent(reason -> html.append("<div class=\"aibase-reason\">")
                    .append(Html.text(reason)).append("</div>"));
        }
        html.append("</td>");
        html.append("<td>").append(Html.text(row.security())).append("</td>");
        html.append("<td>").append(Html.text(String.join(", ", row.permissions()))).append("</td>");
        html.append("<td class=\"aibase-limits\">");
        limits(row.limits(), html);
        html.append("</td><td class=\"aibase-usage\">");
        UsageCell.render(row, html);
        html.append("</td><td class=\"aibase-actions\">");
        actions(row, html);
        html.append("</td></tr>\n");
    }

    private static void limits(Map<String, Object> limits, StringBuilder html) {
        if (limits.isEmpty()) {
            html.append("—");
            return;
        }
        limits.forEach((key, value) -> html.append("<div>").append(Html.text(LimitLabels.label(key))).append(": ")
                .append(Html.text(LimitLabels.value(key, value))).append("</div>"));
    }

    private static void actions(PluginRow row, StringBuilder html) {
        if (row.id().isEmpty()) {
            return; // a refused file without an id: nothing to operate; fixing it means replacing the file
        }
        String id = Html.attribute(row.id().get());
        PluginState state = row.record().state();
        if (state == PluginState.ACTIVE) {
            button(html, "stop", id, "Stop");
        } else if (state != PluginState.REJECTED && state != PluginState.VALIDATING) {
            button(html, "start", id, "Start");
        }
        button(html, "uninstall", id, "Uninstall");
    }

    private static void button(StringBuilder html, String action, String escapedId, String label) {
        html.append("<button type=\"button\" class=\"ui-button ui-widget ui-state-default ui-corner-all aibase-action\"")
                .append(" data-action=\"").append(action).append("\" data-plugin=\"").append(escapedId)
                .append("\" id=\"").append(action).append('-').append(escapedId).append("\">").append(label)
                .append("</button> ");
    }

    /**
     * Why a file was refused, once: its validation report, whose findings are what the reason (the
     * report's verdict) says; a reason that says more than the verdict is shown above it.
     */
    static void reason(Optional<String> reason, ValidationReport report, StringBuilder html) {
        reason.filter(r -> !r.equals(report.verdict())).ifPresent(r -> html.append("<div class=\"aibase-reason\">")
                .append(Html.text(r)).append("</div>"));
        report(report, html);
    }

    /** A validation report as one line that opens to the list of findings. */
    static void report(ValidationReport report, StringBuilder html) {
        int errors = report.findings(Severity.ERROR).size();
        int warnings = report.findings(Severity.WARNING).size();
        html.append("<details class=\"aibase-report\"><summary>").append(report.valid() ? "valid" : "invalid").append(": ")
                .append(count(errors, "error")).append(warnings > 0 ? ", " + count(warnings, "warning") : "")
                .append("</summary><ul>");
        for (Finding finding : report.findings()) {
            html.append("<li><b>").append(Html.text(finding.severity().name())).append("</b> ")
                    .append(Html.text(finding.location())).append(": ").append(Html.text(finding.message()));
            if (finding.allowed() != null && !finding.allowed().isBlank()) {
                html.append(" <i>(allowed: ").append(Html.text(finding.allowed())).append(")</i>");
            }
            html.append("</li>");
        }
        html.append("</ul></details>");
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
