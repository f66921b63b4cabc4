package org.aibase.console.internal;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * A plugin's usage against its limits, one line per figure: requests per minute, error rate, p95
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
        Map<String, Object> limits = row.limits();
        long requests = row.number("requests");
        line(html, "requests", "Requests", requests + " total"
                + row.rates().perMinute().stream().mapToObj(r -> ", " + Figures.decimal(r) + "/min").findFirst().orElse(""));
        long errors = row.number("errors");
        OptionalDouble recentErrors = row.rates().errorRate();
        line(html, "errors", "Errors", (recentErrors.isPresent() ? Figures.percent(recentErrors.getAsDouble()) + " last min, "
                : "") + errors + " total" + (requests > 0 ? " (" + Figures.percent((double) errors / requests) + ")" : ""));
        OptionalDouble p95 = row.latency("p95");
        line(html, "p95", "p95 latency", p95.isPresent() ? Figures.decimal(p95.getAsDouble()) + " ms"
                + against(limits, "timeout_ms") : "no requests yet");
        line(html, "cpu", "CPU", Figures.decimal(row.decimal("cpu_cores_10s")) + " cores (10 s)"
                + (limits.get("cpu") instanceof Number cpu ? " of " + Figures.decimal(cpu.doubleValue()) : "")
                + ", " + Figures.millis(row.number("cpu_ms")) + " total");
        line(html, "allocated", "Allocated", Figures.bytes(row.number("allocated_bytes")) + " total"
                + (limits.get("memory_bytes") instanceof Number m ? ", " + Figures.bytes(m.longValue()) + " per unit of work" : ""));
        line(html, "running", "Running", row.number("running") + (limits.get("concurrency") instanceof Number c
                ? " of " + c.longValue() : "") + ", " + row.number("timeouts") + " timeouts, " + row.number("rejections")
                + " rejected, " + row.number("memory_exceeded") + " over memory");
        String tokens = row.tokensLastHour().isPresent() ? String.valueOf(row.tokensLastHour().getAsLong()) : "—";
        line(html, "tokens", "Tokens this hour", tokens + (row.tokenBudget().isPresent()
                ? " of " + row.tokenBudget().getAsLong() : " (no budget)"));
        line(html, "storage", "Storage", "not measured" + (limits.get("storage_bytes") instanceof Number s
                ? " (quota " + Figures.bytes(s.longValue()) + ")" : ""));
        line(html, "jobs", "Jobs", jobs(row.usage().get("jobs")) + (limits.get("jobs") instanceof Number j
                ? " (limit " + j.longValue() + " at once)" : ""));
    }

    /** The usage's {@code jobs} counts by status, present only with the job service. */
    private static String jobs(Object counts) {
        if (!(counts instanceof Map<?, ?> byStatus)) {
            return JobsPanel.NOT_INSTALLED;
        }
        return (byStatus.get("running") instanceof Number r ? r.longValue() : 0) + " running, "
                + (byStatus.get("pending") instanceof Number p ? p.longValue() : 0) + " queued, "
                + (byStatus.get("failed") instanceof Number f ? f.longValue() : 0) + " failed";
    }

    private static String against(Map<String, Object> limits, String key) {
        return limits.get(key) instanceof Number n ? " (timeout " + Figures.millis(n.longValue()) + ")" : "";
    }

    private static void line(StringBuilder html, String key, String label, String value) {
        html.append("<div class=\"aibase-usage-").append(key).append("\">").append(label).append(": ")
                .append(Html.text(value)).append("</div>");
    }
}
