package org.aibase.console.internal;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.aibase.api.llm.CircuitState;
import org.aibase.llm.EndpointStatus;
import org.aibase.llm.LlmStatus;
import org.aibase.llm.LlmUsage;
import org.aibase.llm.UsageRecord;

/**
 * The LLM endpoints with type, models, health (circuit state) and whether a key is set (never the
 * key), and the tokens each plugin used; "not configured" with the configuration hint otherwise.
 */
final class LlmPanel {

    static final String HINT = "Add config/org.aibase.llm.provider-NAME.cfg with type= (openai, azure-openai, "
            + "anthropic or openai-compatible), base.url=, models= and api.key.env= naming the environment variable "
            + "that holds the key (see docs/llm.md).";

    private LlmPanel() {
    }

    /**
     * @param status the endpoints' status, or null when the LLM bundle is not running
     * @param usage the LLM usage, or null likewise
     */
    static void render(LlmStatus status, LlmUsage usage, StringBuilder html) {
        List<EndpointStatus> endpoints = status == null ? List.of() : status.endpoints();
        if (endpoints.isEmpty()) {
            html.append("<p class=\"statline ui-state-highlight\" id=\"aibase-llm-status\">")
                    .append(status == null ? "LLM service not installed" : "LLM: not configured").append("</p>\n")
                    .append("<p>").append(Html.text(HINT)).append("</p>\n");
        } else {
            html.append("<p class=\"statline\" id=\"aibase-llm-status\">").append(endpoints.size())
                    .append(endpoints.size() == 1 ? " endpoint" : " endpoints").append("</p>\n")
                    .append("<table id=\"aibase-llm-endpoints\" class=\"nicetable\"><thead><tr><th>Endpoint</th>")
                    .append("<th>Type</th><th>Models</th><th>Health</th><th>API key</th></tr></thead><tbody>\n");
            for (EndpointStatus e : endpoints) {
                html.append("<tr><td>").append(Html.text(e.name())).append("</td><td>").append(Html.text(e.type()))
                        .append("</td><td>").append(Html.text(e.models().isEmpty() ? "any" : String.join(", ", e.models())))
                        .append("</td><td>").append(health(e.circuit())).append("</td><td>")
                        .append(e.keySet() ? "set" : "not set").append("</td></tr>\n");
            }
            html.append("</tbody></table>\n");
        }
        if (usage != null) {
            tokens(usage.usage(), html);
        }
    }

    private static String health(CircuitState circuit) {
        return switch (circuit) {
            case CLOSED -> "healthy (circuit closed)";
            case HALF_OPEN -> "recovering (circuit half-open)";
            case OPEN -> "failing (circuit open)";
        };
    }

    private static void tokens(List<UsageRecord> records, StringBuilder html) {
        if (records.isEmpty()) {
            html.append("<p>No LLM calls since the start.</p>\n");
            return;
        }
        html.append("<table id=\"aibase-llm-usage\" class=\"nicetable\"><thead><tr><th>Plugin</th><th>Endpoint</th>")
                .append("<th>Model</th><th>Calls</th><th>Failures</th><th>Prompt tokens</th><th>Completion tokens</th>")
                .append("</tr></thead><tbody>\n");
        for (UsageRecord r : records) {
            Map<String, Long> failures = new TreeMap<>();
            r.failures().forEach((kind, n) -> failures.put(kind.name().toLowerCase(java.util.Locale.ROOT), n));
            html.append("<tr><td>").append(Html.text(r.plugin())).append("</td><td>").append(Html.text(r.endpoint()))
                    .append("</td><td>").append(Html.text(r.model())).append("</td><td>").append(r.calls())
                    .append("</td><td>").append(Html.text(failures.isEmpty() ? "0" : failures.toString()))
                    .append("</td><td>").append(r.promptTokens()).append("</td><td>").append(r.completionTokens())
                    .append("</td></tr>\n");
        }
        html.append("</tbody></table>\n");
    }
}
