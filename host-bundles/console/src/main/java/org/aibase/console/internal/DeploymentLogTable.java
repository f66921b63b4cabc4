package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.validator.ValidationReport;

/**
 * The deployment log, newest first, with times to the second. A rejection whose refused file is still
 * in the deploy folder shows its validation report (one line, opening to every finding); any other
 * reason is shown as it is, once.
 */
final class DeploymentLogTable {

    static final int SHOWN = 50;

    private DeploymentLogTable() {
    }

    static void render(DeploymentPage page, List<PluginRow> rows, StringBuilder html) {
        Map<String, ValidationReport> reports = rows.stream()
                .filter(r -> r.record().report().isPresent() && !r.record().report().get().valid())
                .collect(Collectors.toMap(r -> r.record().file(), r -> r.record().report().get(), (a, b) -> a));
        html.append("<p class=\"statline\">").append(page.total()).append(page.total() == 1 ? " event" : " events")
                .append(page.total() > page.events().size() ? ", the latest " + page.events().size() + " shown" : "")
                .append("</p>\n<table id=\"aibase-deployments\" class=\"nicetable\"><thead><tr>")
                .append("<th>Time</th><th>Event</th><th>File</th><th>Plugin</th><th>Version</th><th>Reason</th>")
                .append("</tr></thead><tbody>\n");
        if (page.events().isEmpty()) {
            html.append("<tr><td colspan=\"6\">Nothing deployed yet.</td></tr>\n");
        }
        for (DeploymentEvent event : page.events()) {
            html.append("<tr class=\"aibase-event-").append(event.type().id()).append("\"><td>")
                    .append(Html.time(event.time())).append("</td><td>").append(event.type().id())
                    .append("</td><td>").append(Html.text(event.file())).append("</td><td>")
                    .append(Html.text(event.pluginId().orElse(""))).append("</td><td>")
                    .append(Html.text(event.version().orElse(""))).append("</td><td>");
            ValidationReport report = event.type() == DeploymentEvent.Type.REJECTED ? reports.get(event.file()) : null;
            if (report != null) {
                PluginsTable.reason(event.reason(), report, html); // the report lists what the reason says
            } else {
                html.append(Html.text(event.reason().orElse("")));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }
}
