package org.aibase.runtime;

import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code logs [ID] [--since ISO|DURATION] [--limit N] [--follow]}: the runtime's log lines from
 * {@code GET /api/v1/logs}, oldest first; with an id, the lines naming that plugin. {@code --follow}
 * asks again every second for lines since the last one shown, until interrupted; with {@code --json}
 * it then prints one JSON object per line (JSON Lines) instead of one document.
 */
final class LogsCommand {

    static final Duration POLL = Duration.ofSeconds(1);

    private final PrintStream out;
    private final Map<String, String> env;

    LogsCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(List<String> args) throws InterruptedException {
        Set<String> valued = new HashSet<>(RuntimeAddress.OPTIONS);
        valued.addAll(Set.of("--since", "--limit"));
        CommandLine line = CommandLine.parse(args, Set.of("--json", "--follow"), valued);
        if (line.operands().size() > 1) {
            throw CommandFailure.usage("logs takes at most one plugin id, got: " + String.join(" ", line.operands()));
        }
        String plugin = line.operands().isEmpty() ? null : PluginIds.check(line.operands().get(0));
        RuntimeClient client = new RuntimeClient(RuntimeAddress.of(line, env));
        boolean json = line.flag("--json");
        JsonNode answer = client.get(query(plugin, line.value("--since").orElse(null), line.value("--limit").orElse(null))).json();
        if (!line.flag("--follow")) {
            if (json) {
                out.println(TextTable.json(answer));
            } else {
                answer.path("items").forEach(item -> out.println(human(item)));
            }
            return ExitStatus.OK;
        }
        Shown shown = new Shown();
        while (true) {
            for (JsonNode item : answer.path("items")) {
                if (shown.isNew(item)) {
                    out.println(json ? item.toString() : human(item));
                }
            }
            out.flush();
            Thread.sleep(POLL.toMillis());
            answer = client.get(query(plugin, shown.since(), String.valueOf(5000))).json();
        }
    }

    private static String query(String plugin, String since, String limit) {
        List<String> parameters = new ArrayList<>();
        if (plugin != null) {
            parameters.add("plugin=" + plugin);
        }
        if (since != null) {
            parameters.add("since=" + URLEncoder.encode(since, StandardCharsets.UTF_8));
        }
        if (limit != null) {
            parameters.add("limit=" + URLEncoder.encode(limit, StandardCharsets.UTF_8));
        }
        return "logs" + (parameters.isEmpty() ? "" : "?" + String.join("&", parameters));
    }

    private static String human(JsonNode item) {
        String time = TextTable.text(item.path("time"));
        return (time.equals("-") ? "" : time + " ") + item.path("line").asText();
    }

    /**
     * What {@code --follow} printed: the last instant and the lines seen at it. Asking again since that
     * instant returns those lines too; they are skipped, and lines of a later instant are new.
     */
    static final class Shown {
        private java.time.Instant last;
        private final Set<String> atLast = new HashSet<>();

        /** Whether the item is new; remembers it. */
        boolean isNew(JsonNode item) {
            String text = item.path("time").asText(null);
            String line = item.path("line").asText();
            if (text == null) {
                return true; // a line without an instant is never asked for again
            }
            java.time.Instant time = java.time.Instant.parse(text);
            if (last != null && time.isBefore(last)) {
                return false;
            }
            if (!time.equals(last)) {
                last = time;
                atLast.clear();
            }
            return atLast.add(line);
        }

        /** The {@code since} of the next request: the last instant shown, or null for none. */
        String since() {
            return last == null ? null : last.toString();
        }
    }
}
