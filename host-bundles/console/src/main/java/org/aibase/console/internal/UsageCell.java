package org.aibase.console.internal;

import java.util.OptionalDouble;

import org.aibase.api.jobs.JobStatus;
import org.aibase.api.plugin.ResourceLimits;
import org.aibase.sandbox.PluginLoad;
import org.aibase.sandbox.RequestFigures;

/**
 * A plugin's usage against its limits, one line per figure: requests per minute, errors (5xx), refusals (4xx), p95
 * latency, CPU, allocations, work running, LLM tokens this hour, storage and jobs. A figure the
 * platform does not measure (yet) says so instead of showing zero.
 */
final class UsageCell {

    private UsageCell() {
    }

    static void render(PluginRow row, StringBuilder html) {
        if (row.usage().isEmpty()) {
            html.append("—");
            return;
        }
        UsageFigures usage = row.usage().get();
        PluginLoad load = usage.load();
        RequestFigures requests = load.requests();
        ResourceLimits limits = usage.limits().orElse(ResourceLimits.NONE);
        line(html, "requests", "Requests", requests.requests() + " total"
                + row.rates().perMinute().stream().mapToObj(r -> ", " + Figures.decimal(r) + "/min").findFirst().orElse(""));
        // an error is the plugin failing (5xx); a refusal (4xx) is a caller's bad request and no fault of the plugin
        line(html, "errors", "Errors (5xx)", share(row.rates().errorRate(), requests.serverErrors(), requests.requests()));
        line(html, "refused", "Refused (4xx)", share(row.rates().refusedRate(), requests.clientErrors(), requests.requests()));
        line(html, "p95", "p95 latency", requests.requests() > 0 ? Figures.decimal(requests.p95Millis()) + " ms"
                + limits.timeout().map(t -> " (timeout " + Figures.millis(t.toMillis()) + ")").orElse("") : "no requests yet");
        line(html, "cpu", "CPU", Figures.decimal(load.cpuCoresRounded()) + " cores (10 s)"
                + (limits.cpu().isPresent() ? " of " + Figures.decimal(limits.cpu().getAsDouble()) : "")
                + ", " + Figures.millis(load.cpuMillis()) + " total");
        line(html, "allocated", "Allocated", Figures.bytes(load.allocatedBytes()) + " total"
                + (limits.memoryBytes().isPresent() ? ", " + Figures.bytes(limits.memoryBytes().getAsLong()) + " per unit of work" : ""));
        line(html, "running", "Running", load.running() + (limits.concurrency().isPresent()
                ? " of " + limits.concurrency().getAsInt() : "") + ", " + load.timeouts() + " timeouts, " + load.rejections()
                + " rejected, " + load.memoryExceeded() + " over memory");
        String tokens = row.tokensLastHour().isPresent() ? String.valueOf(row.tokensLastHour().getAsLong()) : "—";
        line(html, "tokens", "Tokens this hour", tokens + (row.tokenBudget().isPresent()
                ? " of " + row.tokenBudget().getAsLong() : " (no budget)"));
        // measured periodically by the persistence service (tables and files); absent without it
        String used = usage.storageBytes().isPresent() ? Figures.bytes(usage.storageBytes().getAsLong()) : "not measured";
        line(html, "storage", "Storage", used + (limits.storageBytes().isPresent()
                ? " of " + Figures.bytes(limits.storageBytes().getAsLong()) : ""));
        line(html, "jobs", "Jobs", jobs(usage) + (limits.jobs().isPresent()
                ? " (limit " + limits.jobs().getAsInt() + " at once)" : ""));
    }

    /** "12.5 % last min, 9 total (9.0 %)": the recent share when known, then the total and its share. */
    private static String share(OptionalDouble recent, long count, long requests) {
        return (recent.isPresent() ? Figures.percent(recent.getAsDouble()) + " last min, " : "") + count + " total"
                + (requests > 0 ? " (" + Figures.percent((double) count / requests) + ")" : "");
    }

    /** Its jobs by status, known only with the job service. */
    private static String jobs(UsageFigures usage) {
        if (usage.jobs().isEmpty()) {
            return JobsPanel.NOT_INSTALLED;
        }
        return usage.jobs(JobStatus.RUNNING) + " running, " + usage.jobs(JobStatus.PENDING) + " queued, "
                + usage.jobs(JobStatus.FAILED) + " failed";
    }

    private static void line(StringBuilder html, String key, String label, String value) {
        html.append("<div class=\"aibase-usage-").append(key).append("\">").append(label).append(": ")
                .append(Html.text(value)).append("</div>");
    }
}
