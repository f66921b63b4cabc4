package org.aibase.runtime;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code config ID [key=value...]}: without pairs the plugin's effective configuration; with pairs,
 * {@code PUT /api/v1/plugins/{id}/config} of those keys. A value is sent with the type of the key's
 * current value (a whole number, a number, true/false, a list as {@code a,b} or JSON, text), so
 * {@code max=5} is the number 5 where the plugin declared a number; {@code key=} restores the default.
 * The runtime checks the values against the plugin's rules and refuses a wrong one naming it.
 */
final class ConfigCommand {

    private final PrintStream out;
    private final Map<String, String> env;

    ConfigCommand(PrintStream out, Map<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(List<String> args) {
        CommandLine line = CommandLine.parse(args, Set.of("--json"), RuntimeAddress.OPTIONS);
        if (line.operands().isEmpty()) {
            throw CommandFailure.usage("config needs a plugin id, then key=value pairs to set");
        }
        String id = PluginIds.check(line.operands().get(0));
        List<String> pairs = line.operands().subList(1, line.operands().size());
        RuntimeClient client = new RuntimeClient(RuntimeAddress.of(line, env));
        String path = "plugins/" + id + "/config";
        JsonNode current = client.get(path).json();
        JsonNode shown = pairs.isEmpty() ? current : client.put(path, changes(pairs, current).toString()).json();
        if (line.flag("--json")) {
            out.println(TextTable.json(shown));
        } else if (shown.isEmpty()) {
            out.println(id + " declares no configuration");
        } else {
            TextTable.printFields(shown, out);
        }
        return ExitStatus.OK;
    }

    /** The JSON object to send: each value typed like the key's current value. */
    static ObjectNode changes(List<String> pairs, JsonNode current) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        for (String pair : pairs) {
            int equals = pair.indexOf('=');
            if (equals < 1) {
                throw CommandFailure.usage("'" + pair + "' is not a key=value pair (allowed: key=value to set, key= to restore the default)");
            }
            String key = pair.substring(0, equals);
            String value = pair.substring(equals + 1);
            changes.set(key, value.isEmpty() ? JsonNodeFactory.instance.nullNode() : typed(value, current.get(key)));
        }
        return changes;
    }

    /** The value with the type of the example; as text when it does not read as that type (the runtime then names the rule). */
    static JsonNode typed(String value, JsonNode example) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (example == null || example.isNull() || example.isTextual()) {
            return nodes.textNode(value);
        }
        if (example.isBoolean()) {
            return value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")
                    ? nodes.booleanNode(Boolean.parseBoolean(value.toLowerCase(java.util.Locale.ROOT))) : nodes.textNode(value);
        }
        if (example.isIntegralNumber()) {
            try {
                return nodes.numberNode(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                return decimal(value);
            }
        }
        if (example.isNumber()) {
            return decimal(value);
        }
        if (example.isArray()) {
            if (value.strip().startsWith("[")) {
                try {
                    return RuntimeClient.JSON.readTree(value);
                } catch (JsonProcessingException e) {
                    throw CommandFailure.usage("the list '" + value + "' is not JSON: " + e.getOriginalMessage()
                            + " (allowed: a,b,c or a JSON array)");
                }
            }
            JsonNode element = example.isEmpty() ? null : example.get(0);
            ArrayNode list = nodes.arrayNode();
            for (String part : value.split(",", -1)) {
                list.add(typed(part.strip(), element));
            }
            return list;
        }
        return nodes.textNode(value);
    }

    private static JsonNode decimal(String value) {
        try {
            double number = Double.parseDouble(value.strip());
            // NaN and infinities have no JSON form
            return Double.isFinite(number) ? JsonNodeFactory.instance.numberNode(number) : JsonNodeFactory.instance.textNode(value);
        } catch (NumberFormatException e) {
            return JsonNodeFactory.instance.textNode(value);
        }
    }
}
