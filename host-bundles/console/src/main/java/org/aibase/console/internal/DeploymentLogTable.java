package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.aibase.deployer.DeploymentEvent;
import org.aibase.deployer.DeploymentPage;
import org.aibase.validator.ValidationReport;

/**
 * The deployment log, newest first. A rejection or failure opens on click to its reason and, while
 * the refused file is still in the deploy folder, its full validation report.
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
                    .append(Html.text(event.time().toString())).append("</td><td>").append(event.type().id())
                    .append("</td><td>").append(Html.text(event.file())).append("</td><td>")
                    .append(Html.text(event.pluginId().orElse(""))).append("</td><td>")
                    .append(Html.text(event.version().orElse(""))).append("</td><td>");
            boolean refused = event.type() == DeploymentEvent.Type.REJECTED || event.type() == DeploymentEvent.Type.FAILED
                    || event.type() == DeploymentEvent.Type.QUARANTINED;
            ValidationReport report = event.type() == DeploymentEvent.Type.REJECTED ? reports.get(event.file()) : null;
            if (refused && (event.reason().isPresent() || report != null)) {
                html.append("<details class=\"aibase-report\"><summary>")
                        .append(Html.text(event.reason().orElse(event.type().id()))).append("</summary>");
                if (report != null) {
                    PluginsTable.report(report, html);
                } else {
                    html.append("<p>").append(Html.text(event.reason().orElse(""))).append("</p>");
                }
                html.append("</details>");
            } else {
                html.append(Html.text(event.reason().orElse("")));
            }
            html.append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }
}
