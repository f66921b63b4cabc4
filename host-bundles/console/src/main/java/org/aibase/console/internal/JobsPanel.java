package org.aibase.console.internal;

import java.util.List;
import java.util.Map;

import org.aibase.api.jobs.Job;
import org.aibase.api.jobs.JobStatus;
import org.aibase.jobs.JobStatistics;

/**
 * Jobs by status per plugin, read from the job store (all nodes), and the latest failures with their
 * errors; "job service not installed" while the jobs bundle is absent or its database unreachable.
 */
final class JobsPanel {

    static final String NOT_INSTALLED = "job service not installed";
    static final int FAILURES_SHOWN = 10;

    private JobsPanel() {
    }

    /** @param jobs the job statistics, or null without the job service */
    static void render(JobStatistics jobs, StringBuilder html) {
        if (jobs == null) {
            html.append("<p class=\"statline ui-state-highlight\" id=\"aibase-jobs-status\">Jobs: ").append(NOT_INSTALLED)
                    .append("</p>\n");
            return;
        }
        Map<String, Map<JobStatus, Long>> counts = jobs.countsByPlugin();
        html.append("<p class=\"statline\" id=\"aibase-jobs-status\">Node ").append(Html.text(jobs.nodeId()))
                .append(" runs ").append(jobs.runningHere()).append(jobs.runningHere() == 1 ? " job" : " jobs")
                .append(" now</p>\n<table id=\"aibase-job-counts\" class=\"nicetable\"><thead><tr><th>Plugin</th>");
        for (JobStatus status : JobStatus.values()) {
            html.append("<th>").append(status.id()).append("</th>");
        }
        html.append("</tr></thead><tbody>\n");
        if (counts.isEmpty()) {
            html.append("<tr><td colspan=\"").append(JobStatus.values().length + 1).append("\">No jobs yet.</td></tr>\n");
        }
        counts.forEach((plugin, byStatus) -> {
            html.append("<tr id=\"jobs-").append(Html.attribute(plugin)).append("\"><td>").append(Html.text(plugin))
                    .append("</td>");
            for (JobStatus status : JobStatus.values()) {
                html.append("<td>").append(byStatus.getOrDefault(status, 0L)).append("</td>");
            }
            html.append("</tr>\n");
        });
        html.append("</tbody></table>\n");
        failures(jobs.latestFailures(FAILURES_SHOWN), html);
    }

    private static void failures(List<Job> failed, StringBuilder html) {
        if (failed.isEmpty()) {
            html.append("<p>No failed jobs.</p>\n");
            return;
        }
        html.append("<table id=\"aibase-job-failures\" class=\"nicetable\"><thead><tr><th>Finished</th><th>Plugin</th>")
                .append("<th>Type</th><th>Name</th><th>Attempts</th><th>Error</th></tr></thead><tbody>\n");
        for (Job job : failed) {
            html.append("<tr><td>").append(Html.text(job.finishedAt().map(Object::toString).orElse("")))
                    .append("</td><td>").append(Html.text(job.plugin())).append("</td><td>").append(Html.text(job.type()))
                    .append("</td><td>").append(Html.text(job.name())).append("</td><td>").append(job.attempts())
                    .append("</td><td>").append(Html.text(job.error().orElse(""))).append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }
}
