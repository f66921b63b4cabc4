package org.aibase.runtime;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;

/** Output for people: columns aligned under their headings, and JSON trees as aligned {@code key  value} lines. */
final class TextTable {

    private final List<String> headings;
    private final List<List<String>> rows = new ArrayList<>();

    TextTable(String... headings) {
        this.headings = List.of(headings);
    }

    /** Adds a row; {@code null} cells print as {@code -}. */
    TextTable row(Object... cells) {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(cell == null || cell.toString().isEmpty() ? "-" : cell.toString());
        }
        rows.add(row);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    void print(PrintStream out) {
        int[] widths = new int[headings.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headings.get(i).length();
            for (List<String> row : rows) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        line(out, headings, widths);
        rows.forEach(row -> line(out, row, widths));
    }

    private static void line(PrintStream out, List<String> cells, int[] widths) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            // the last column is not padded: no trailing blanks
            text.append(i == cells.size() - 1 ? cells.get(i) : String.format("%-" + widths[i] + "s  ", cells.get(i)));
        }
        out.println(text.toString().stripTrailing());
    }

    /** Prints a JSON object as {@code key  value} lines, nested keys joined with dots, lists of scalars with commas. */
    static void printFields(JsonNode node, PrintStream out) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        flatten(node, "", fields);
        int width = fields.keySet().stream().mapToInt(String::length).max().orElse(0);
        fields.forEach((key, value) -> out.println(String.format("%-" + width + "s  ", key) + value));
    }

    /** A scalar as people read it; {@code -} for null. */
    static String text(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "-" : value.isValueNode() ? value.asText() : value.toString();
    }

    /** The JSON document, indented, for {@code --json}. */
    static String json(JsonNode node) {
        try {
            return RuntimeClient.JSON.copy().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serializes", e);
        }
    }

    private static void flatten(JsonNode node, String prefix, Map<String, String> fields) {
        if (node.isObject()) {
            if (node.isEmpty() && !prefix.isEmpty()) {
                fields.put(prefix, "-");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> field = it.next();
                flatten(field.getValue(), prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), fields);
            }
        } else if (node.isArray() && allScalars(node)) {
            List<String> values = new ArrayList<>();
            node.forEach(value -> values.add(text(value)));
            fields.put(prefix, values.isEmpty() ? "-" : String.join(", ", values));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(node.get(i), prefix + "[" + i + "]", fields);
            }
        } else {
            fields.put(prefix, text(node));
        }
    }

    private static boolean allScalars(JsonNode array) {
        for (JsonNode value : array) {
            if (!value.isValueNode()) {
                return false;
            }
        }
        return true;
    }
}
