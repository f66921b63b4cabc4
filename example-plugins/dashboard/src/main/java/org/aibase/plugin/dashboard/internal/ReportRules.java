package org.aibase.plugin.dashboard.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The stated rules a report's recommendations come from; each names its threshold, so a reader can
 * check the recommendation against the figures.
 */
public final class ReportRules {

    /** Error rate above which a plugin is flagged (with at least {@link #MIN_REQUESTS} requests). */
    public static final double ERROR_RATE = 0.05;
    public static final int MIN_REQUESTS = 20;
    /** Share of limits.timeout the p95 latency may reach. */
    public static final double TIMEOUT_SHARE = 0.5;
    /** Share of the hourly token budget that counts as nearly spent. */
    public static final double BUDGET_SHARE = 0.8;
    /** Failed share of finished jobs that is flagged (with at least {@link #MIN_JOBS} finished jobs). */
    public static final double JOB_FAILURE_RATE = 0.1;
    public static final int MIN_JOBS = 5;
    /** Heap use (of the maximum) that is flagged. */
    public static final double HEAP_SHARE = 0.9;

    /** The rules in words, as reports state them. */
    public static final List<String> STATED = List.of(
            "high_error_rate: more than 5% of a plugin's requests answered with a server error (at least 20 requests)",
            "slow_responses: a plugin's p95 latency above half of its limits.timeout",
            "token_budget: a plugin's LLM tokens in the last hour at 80% or more of its limits.llm_tokens_per_hour",
            "job_failures: more than 10% of a plugin's finished jobs failed (at least 5 finished)",
            "timeouts: a plugin's work was stopped at its timeout or ran away in the range",
            "heap_pressure: the runtime's heap peaked at 90% or more of its maximum");

    private ReportRules() {
    }

    public static List<Recommendation> evaluate(List<PluginFigures> plugins, double heapPeakBytes, double heapMaxBytes) {
        List<Recommendation> found = new ArrayList<>();
        for (PluginFigures p : plugins) {
            if (p.requests() >= MIN_REQUESTS && p.errorRate() > ERROR_RATE) {
                found.add(new Recommendation("high_error_rate", p.plugin(), "high", String.format(Locale.ROOT,
                        "%.1f%% of %d requests failed with a server error (rule: above 5%%): check the plugin's log",
                        p.errorRate() * 100, (long) p.requests())));
            }
            if (p.timeoutMs().isPresent() && p.latencyP95Ms() > p.timeoutMs().getAsDouble() * TIMEOUT_SHARE) {
                found.add(new Recommendation("slow_responses", p.plugin(), "medium", String.format(Locale.ROOT,
                        "p95 latency %.0f ms is above half of its %d ms timeout: speed it up or raise limits.timeout",
                        p.latencyP95Ms(), (long) p.timeoutMs().getAsDouble())));
            }
            if (p.tokenBudget().isPresent() && p.tokenBudget().getAsDouble() > 0
                    && p.tokensLastHour() >= p.tokenBudget().getAsDouble() * BUDGET_SHARE) {
                found.add(new Recommendation("token_budget", p.plugin(), "medium", String.format(Locale.ROOT,
                        "%d of %d LLM tokens per hour used (%.0f%%): raise limits.llm_tokens_per_hour or use fewer tokens",
                        (long) p.tokensLastHour(), (long) p.tokenBudget().getAsDouble(),
                        p.tokensLastHour() / p.tokenBudget().getAsDouble() * 100)));
            }
            double finished = p.jobsCompleted() + p.jobsFailed();
            if (finished >= MIN_JOBS && p.jobsFailed() / finished > JOB_FAILURE_RATE) {
                found.add(new Recommendation("job_failures", p.plugin(), "medium", String.format(Locale.ROOT,
                        "%d of %d finished jobs failed (rule: above 10%%): look at the failed jobs' errors",
                        (long) p.jobsFailed(), (long) finished)));
            }
            if (p.timeouts() + p.runaways() > 0) {
                found.add(new Recommendation("timeouts", p.plugin(), p.runaways() > 0 ? "high" : "medium", String.format(Locale.ROOT,
                        "%d units of work hit the timeout and %d ran away in this range", (long) p.timeouts(), (long) p.runaways())));
            }
        }
        if (heapMaxBytes > 0 && heapPeakBytes >= heapMaxBytes * HEAP_SHARE) {
            found.add(new Recommendation("heap_pressure", "", "high", String.format(Locale.ROOT,
                    "the heap peaked at %.0f%% of its %d MB maximum: give the runtime more memory (-Xmx)",
                    heapPeakBytes / heapMaxBytes * 100, (long) (heapMaxBytes / (1024 * 1024)))));
        }
        return found;
    }
}
