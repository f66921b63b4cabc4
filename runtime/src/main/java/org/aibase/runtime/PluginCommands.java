package org.aibase.runtime;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code plugins}, {@code status ID}, {@code install JAR}, {@code start ID}, {@code stop ID},
 * {@code uninstall ID} and {@code usage ID} against a running runtime's {@code /api/v1/plugins}. People
 * get a table or aligned fields; {@code --json} prints the API's answer.
 */
final class PluginCommands {

    static final Set<String> COMMANDS = Set.of("plugins", "status", "install", "start", "stop", "uninstall", "usage");

    private final PrintStream out;
    private final Map<String, String> env;
    private final Path workingDirectory;

    PluginCommands(PrintStream out, Map<String, String> env, Path workingDirectory) {
        this.out = out;
        this.env = env;
        this.workingDirectory = workingDirectory;
    }

    /** Runs the command on its arguments; returns the exit status or throws {@link CommandFailure}. */
    int run(String command, List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--json"), RuntimeAddress.OPTIONS);
        RuntimeClient client = new RuntimeClient(RuntimeAddress.of(line, env));
        boolean json = line.flag("--json");
        switch (command) {
            case "plugins" -> {
                line.noOperands(command);
                JsonNode list = client.get("plugins").json();
                if (json) {
                    out.println(TextTable.json(list));
                } else {
                    printList(list);
                }
            }
            case "status" -> fields(client.get("plugins/" + PluginIds.check(line.single(command, "plugin id"))).json(), json);
            case "usage" -> fields(client.get("plugins/" + PluginIds.check(line.single(command, "plugin id")) + "/usage").json(), json);
            case "start", "stop" -> {
                String id = PluginIds.check(line.single(command, "plugin id"));
                JsonNode record = client.post("plugins/" + id + "/" + command, HttpRequest.BodyPublishers.noBody(),
                        "application/json").json();
                out.println(json ? TextTable.json(record) : id + ": " + stateOf(record));
            }
            case "uninstall" -> {
                String id = PluginIds.check(line.single(command, "plugin id"));
                client.delete("plugins/" + id);
                ObjectNode done = RuntimeClient.JSON.createObjectNode().put("id", id).put("state", "uninstalled");
                out.println(json ? TextTable.json(done) : id + ": uninstalled");
            }
            case "install" -> {
                JsonNode record = client.post("plugins", jar(line.single(command, "JAR file")), "application/java-archive").json();
                out.println(json ? TextTable.json(record) : "installed " + TextTable.text(record.path("id")) + " "
                        + TextTable.text(record.path("plugin").path("version")) + " from " + TextTable.text(record.path("file"))
                        + ": " + stateOf(record));
            }
            default -> throw new IllegalArgumentException("not a plugin command: " + command);
        }
        return ExitStatus.OK;
    }

    private HttpRequest.BodyPublisher jar(String name) {
        Path file = workingDirectory.resolve(name);
        if (!Files.isRegularFile(file)) {
            throw new CommandFailure(ExitStatus.FAILED, "install needs a plugin JAR file: " + file + " is not a file");
        }
        try {
            return HttpRequest.BodyPublishers.ofFile(file);
        } catch (IOException e) {
            throw new CommandFailure(ExitStatus.FAILED, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private void printList(JsonNode list) {
        TextTable table = new TextTable("ID", "STATE", "VERSION", "SECURITY", "PERMISSIONS", "FILE", "REASON");
        for (JsonNode plugin : list.path("items")) {
            JsonNode descriptor = plugin.path("plugin");
            List<String> permissions = new java.util.ArrayList<>();
            descriptor.path("permissions").forEach(p -> permissions.add(p.asText()));
            table.row(text(plugin.path("id")), text(plugin.path("state")), text(descriptor.path("version")),
                    text(descriptor.path("security")), String.join(",", permissions), text(plugin.path("file")),
                    oneLine(plugin.path("reason")));
        }
        if (table.isEmpty()) {
            out.println("no plugins");
        } else {
            table.print(out);
        }
    }

    private void fields(JsonNode node, boolean json) {
        if (json) {
            out.println(TextTable.json(node));
        } else {
            TextTable.printFields(node, out);
        }
    }

    private static String stateOf(JsonNode record) {
        String reason = oneLine(record.path("reason"));
        return text(record.path("state")) + (reason.isEmpty() ? "" : " (" + reason + ")");
    }

    private static String text(JsonNode node) {
        String text = TextTable.text(node);
        return text.equals("-") ? "" : text;
    }

    // a reason may be a whole validation report: the table keeps one line of it
    private static String oneLine(JsonNode node) {
        String text = text(node).replaceAll("\\s+", " ");
        return text.length() > 100 ? text.substring(0, 97) + "..." : text;
    }
}
